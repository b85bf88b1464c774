# The job journal: durable state of every bulk write (docs/jobs.md).
mcdesk_core_module(jobs
    SOURCES
        jobs/jobjournal.h jobs/jobjournal.cpp
        jobs/jobclaim.h jobs/jobclaim.cpp
        jobs/crashpoint.h jobs/crashpoint.cpp
    PUBLIC_LIBS Qt6::Sql)
