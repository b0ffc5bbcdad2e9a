-- The shop's own tables (H2 and PostgreSQL); ioflow creates its outbox tables itself.
CREATE TABLE IF NOT EXISTS customer (
    customer_id   VARCHAR(64)  PRIMARY KEY,
    contact_email VARCHAR(255) NOT NULL,
    first_name    VARCHAR(255),
    last_name     VARCHAR(255)
);
-- A sign-up needs accepted terms: the database refuses the row otherwise, and the whole transaction rolls back.
CREATE TABLE IF NOT EXISTS sign_up (
    customer_id    VARCHAR(64) PRIMARY KEY,
    terms_accepted BOOLEAN     NOT NULL CHECK (terms_accepted)
);
