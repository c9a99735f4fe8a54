package io.cxloop.engine.security.internal;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Empties the {@link AuthenticationCache} whenever a user, group or membership changes through Camunda's identity
 * service on this node (our API, Camunda Admin, Camunda's REST API, the bootstrap: they all end in its identity
 * provider), once when the change is made and again when its transaction has committed, so that no login checked
 * against the old data in between is kept. A failed password check forgets the user's login, so that a lock after
 * repeated failures is not bypassed by the cache. Leaves an identity provider configured by someone else (e.g. LDAP)
 * alone: the cache is then emptied only by expiry.
 */
public final class IdentityChangesPlugin extends AbstractProcessEnginePlugin {

    private final AuthenticationCache cache;

    public IdentityChangesPlugin(AuthenticationCache cache) {
        this.cache = cache;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getIdentityProviderSessionFactory() == null) {
            configuration.setIdentityProviderSessionFactory(new SessionFactory() {
                @Override
                public Class<?> getSessionType() {
                    return DbIdentityServiceProvider.class;
                }

                @Override
                public Session openSession() {
                    return new CacheAwareIdentityProvider(cache);
                }
            });
        }
    }

    @Override
    public String toString() {
        return "identity changes empty the authentication cache";
    }

    /** Camunda's database identity provider, telling the cache about every change. */
    static final class CacheAwareIdentityProvider extends DbIdentityServiceProvider {

        private final AuthenticationCache cache;

        CacheAwareIdentityProvider(AuthenticationCache cache) {
            this.cache = cache;
        }

        @Override
        public boolean checkPassword(String userId, String password) {
            boolean valid = super.checkPassword(userId, password);
            if (!valid) {
                cache.forget(userId);
            }
            return valid;
        }

        @Override
        public IdentityOperationResult saveUser(User user) {
            return changed(super.saveUser(user));
        }

        @Override
        public IdentityOperationResult deleteUser(String userId) {
            return changed(super.deleteUser(userId));
        }

        @Override
        public IdentityOperationResult unlockUser(String userId) {
            return changed(super.unlockUser(userId));
        }

        @Override
        public IdentityOperationResult saveGroup(Group group) {
            return changed(super.saveGroup(group));
        }

        @Override
        public IdentityOperationResult deleteGroup(String groupId) {
            return changed(super.deleteGroup(groupId));
        }

        @Override
        public IdentityOperationResult createMembership(String userId, String groupId) {
            return changed(super.createMembership(userId, groupId));
        }

        @Override
        public IdentityOperationResult deleteMembership(String userId, String groupId) {
            return changed(super.deleteMembership(userId, groupId));
        }

        private IdentityOperationResult changed(IdentityOperationResult result) {
            cache.invalidateAll();
            CommandContext commandContext = Context.getCommandContext();
            if (commandContext != null) {
                commandContext
                        .getTransactionContext()
                        .addTransactionListener(TransactionState.COMMITTED, committed -> cache.invalidateAll());
            }
            return result;
        }
    }
}
