-- Orleans' ADO.NET providers (clustering, persistence, reminders) run only the SQL they read from this table at start-up,
-- keyed by QueryKey; their parameters (@Name) and the column names they read are the contract. The later migrations
-- fill it. Every statement in these files is idempotent, so a file can be re-applied safely.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,
    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);
