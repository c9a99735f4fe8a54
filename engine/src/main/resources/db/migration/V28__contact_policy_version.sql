-- Contact policy as a rule set of its own (issue 4): a next-best-action decision records the contact-policy version
-- composed with the next-best-action rules that made it (rule_set_version), e.g. 'contact-policy@v2'. Null for
-- decisions made before, and for decisions of rule sets that carry their own contact rules (invitations).
alter table decision add column contact_policy_version varchar(100);
