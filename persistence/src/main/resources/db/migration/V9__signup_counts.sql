-- Sign-ups per source address and day (the sign-up limit, ejb SignUps): only today's rows matter;
-- older days are deleted by the next sign-up, so no address is kept past the day after.
CREATE TABLE signup_count (
    signup_day DATE        NOT NULL,
    address    VARCHAR(45) NOT NULL,
    signups    INTEGER     NOT NULL,
    CONSTRAINT pk_signup_count PRIMARY KEY (signup_day, address)
);
