-- Marketers' settings of the survey invitation after each journey event (GET/PUT /api/surveys/invitations): whether
-- the event is followed by an invitation and how long after it. An event without a row uses cxloop.surveys.*.
create table survey_invitation_setting (
    event_type  varchar(40)              not null primary key,
    active      boolean                  not null,
    delay_iso   varchar(40)              not null,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(100)             not null
);
