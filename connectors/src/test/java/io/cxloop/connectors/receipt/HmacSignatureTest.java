package io.cxloop.connectors.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HmacSignatureTest {

    private static final HmacSignature PROVIDER = new HmacSignature("shared-secret-of-the-gateway");
    private static final String RECEIPT = "{\"reference\":\"42\",\"status\":\"delivered\"}";

    @Test
    void aReceiptSignedWithTheSharedSecretVerifiesWithOrWithoutPrefix() {
        String signature = PROVIDER.signHex(RECEIPT);

        assertThat(signature).hasSize(64).matches("[0-9a-f]+");
        assertThat(PROVIDER.verifies(bytes(RECEIPT), signature)).isTrue();
        assertThat(PROVIDER.verifies(bytes(RECEIPT), "sha256=" + signature.toUpperCase()))
                .isTrue();
    }

    @Test
    void anAlteredBodyAnotherSecretOrGarbageDoNotVerify() {
        String signature = PROVIDER.signHex(RECEIPT);

        assertThat(PROVIDER.verifies(bytes(RECEIPT.replace("delivered", "failed")), signature))
                .isFalse();
        assertThat(new HmacSignature("another-secret-entirely").verifies(bytes(RECEIPT), signature))
                .isFalse();
        assertThat(PROVIDER.verifies(bytes(RECEIPT), "not hex")).isFalse();
        assertThat(PROVIDER.verifies(bytes(RECEIPT), null)).isFalse();
        assertThat(PROVIDER.verifies(bytes(RECEIPT), "")).isFalse();
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HmacSignature("short"));
        assertThatIllegalArgumentException().isThrownBy(() -> new HmacSignature(null));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
