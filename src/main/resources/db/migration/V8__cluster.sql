-- scheduled jobs that must run on one instance of a cluster at a time take a lease here first
CREATE TABLE job_lease (
    name        VARCHAR(100) PRIMARY KEY,
    holder      VARCHAR(100) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
