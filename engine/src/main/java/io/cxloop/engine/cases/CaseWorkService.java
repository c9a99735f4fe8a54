package io.cxloop.engine.cases;

import static io.cxloop.processes.feedback.FeedbackClosedLoop.TASK_CONTACT_CUSTOMER;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_OUTCOME;
import static io.cxloop.processes.feedback.FeedbackClosedLoop.VAR_ROOT_CAUSE;

import io.cxloop.engine.cases.CaseViews.Analysis;
import io.cxloop.engine.cases.CaseViews.CaseDetails;
import io.cxloop.engine.cases.CaseViews.CaseMessage;
import io.cxloop.engine.cases.CaseViews.CaseSummary;
import io.cxloop.engine.cases.CaseViews.ContactTask;
import io.cxloop.engine.cases.CaseViews.TriageView;
import io.cxloop.engine.feedback.Feedback;
import io.cxloop.engine.feedback.FeedbackRepository;
import io.cxloop.engine.message.OutboxRepository;
import io.cxloop.engine.security.Role;
import io.cxloop.engine.web.ConflictException;
import io.cxloop.engine.web.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases for agents and managers. An {@link Role#ADMIN} sees every case; anyone else only the cases of the Camunda
 * groups they belong to (the case's team, or the group working it now, e.g. {@code escalation}). Claiming and
 * completing go through the case's Camunda task, so the task's listener updates the case exactly as it does for
 * Tasklist.
 */
@Service
public class CaseWorkService {

    private final CaseRepository cases;
    private final FeedbackRepository feedback;
    private final OutboxRepository outbox;
    private final TaskService tasks;
    private final IdentityService identities;

    public CaseWorkService(
            CaseRepository cases,
            FeedbackRepository feedback,
            OutboxRepository outbox,
            TaskService tasks,
            IdentityService identities) {
        this.cases = cases;
        this.feedback = feedback;
        this.outbox = outbox;
        this.tasks = tasks;
        this.identities = identities;
    }

    @Transactional(readOnly = true)
    public List<CaseSummary> list(
            Authentication user, String team, String assignee, CaseStatus status, Boolean breached) {
        List<FeedbackCase> found =
                cases.list(new CaseRepository.Filter(team, assignee, status, breached, visibleGroups(user)));
        // the cases' feedback in one query, not one per case
        Map<String, Feedback> rated =
                feedback.findAll(found.stream().map(FeedbackCase::feedbackId).toList());
        return found.stream()
                .map(c -> new CaseSummary(c, Analysis.of(rated.get(c.feedbackId()))))
                .toList();
    }

    @Transactional(readOnly = true)
    public CaseDetails get(Authentication user, String caseId) {
        return details(visible(user, caseId));
    }

    @Transactional
    public CaseDetails claim(Authentication user, String caseId) {
        FeedbackCase complaint = visible(user, caseId);
        Task task = openTask(complaint);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.getName())) {
            throw new ConflictException("case " + caseId + " is claimed by " + task.getAssignee());
        }
        if (task.getAssignee() == null) {
            tasks.claim(task.getId(), user.getName());
        }
        return details(cases.get(caseId));
    }

    @Transactional
    public CaseDetails complete(Authentication user, String caseId, CompleteCaseRequest request) {
        FeedbackCase complaint = visible(user, caseId);
        Task task = openTask(complaint);
        if (task.getAssignee() == null) {
            tasks.claim(task.getId(), user.getName());
        } else if (!task.getAssignee().equals(user.getName()) && !isAdmin(user)) {
            throw new ConflictException("case " + caseId + " is claimed by " + task.getAssignee());
        }
        tasks.complete(task.getId(), Map.of(VAR_OUTCOME, request.outcome(), VAR_ROOT_CAUSE, request.rootCause()));
        return details(cases.get(caseId));
    }

    private CaseDetails details(FeedbackCase complaint) {
        Feedback rated = feedback.find(complaint.feedbackId()).orElse(null);
        List<CaseMessage> messages = cases.messageIdsOf(complaint.caseId()).stream()
                .flatMap(link -> outbox.find(link.getKey()).map(m -> new CaseMessage(link.getValue(), m)).stream())
                .toList();
        return new CaseDetails(
                complaint,
                rated,
                Analysis.of(rated),
                rated == null || rated.action() == null ? List.of() : List.of(TriageView.of(rated)),
                messages,
                feedback.followUpsOf(complaint.caseId()),
                cases.historyOf(complaint.caseId()),
                task(complaint)
                        .map(task -> new ContactTask(
                                task.getId(),
                                task.getAssignee(),
                                tasks.getIdentityLinksForTask(task.getId()).stream()
                                        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                                        .map(link -> link.getGroupId())
                                        .filter(group -> group != null)
                                        .sorted()
                                        .toList()))
                        .orElse(null));
    }

    private FeedbackCase visible(Authentication user, String caseId) {
        FeedbackCase complaint = cases.find(caseId).orElseThrow(() -> new NotFoundException("no case " + caseId));
        Set<String> groups = visibleGroups(user);
        if (groups != null && !groups.contains(complaint.team()) && !groups.contains(complaint.workGroup())) {
            // not telling whether it exists
            throw new NotFoundException("no case " + caseId);
        }
        return complaint;
    }

    private Task openTask(FeedbackCase complaint) {
        return task(complaint)
                .orElseThrow(() -> new ConflictException("case " + complaint.caseId() + " is " + complaint.status()
                        + ": there is no contact task to work on"));
    }

    private Optional<Task> task(FeedbackCase complaint) {
        if (complaint.processInstanceId() == null) {
            return Optional.empty();
        }
        return tasks
                .createTaskQuery()
                .processInstanceId(complaint.processInstanceId())
                .taskDefinitionKey(TASK_CONTACT_CUSTOMER)
                .list()
                .stream()
                .findFirst();
    }

    /** Null for all groups (admins). */
    private Set<String> visibleGroups(Authentication user) {
        if (isAdmin(user)) {
            return null;
        }
        return identities.createGroupQuery().groupMember(user.getName()).list().stream()
                .map(Group::getId)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static boolean isAdmin(Authentication user) {
        return user.getAuthorities().stream()
                .anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
    }
}
