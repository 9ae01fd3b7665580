-- The PostgreSQL roles and database of a school board's Bewaar, with least privileges.
-- Run as a superuser (psql), once. Replace the two passwords; keep them in the servers'
-- environment files (bewaar.env), never on a command line.
--
--   bewaar_owner  owns the database and its tables; runs `bewaar store init` (the schema and its
--                 later migrations) and `bewaar school add`. Not a superuser.
--   bewaar_app    what the servers connect as: reads and writes rows, owns nothing, cannot change
--                 the schema, and is held to one school per transaction by row-level security.
--                 Bewaar refuses to open a school's store for a superuser or a BYPASSRLS role.

CREATE ROLE bewaar_owner LOGIN PASSWORD 'CHANGE-ME-owner';
CREATE ROLE bewaar_app LOGIN PASSWORD 'CHANGE-ME-app';
CREATE DATABASE bewaar OWNER bewaar_owner ENCODING 'UTF8' TEMPLATE template0;
\connect bewaar
REVOKE ALL ON DATABASE bewaar FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT CONNECT ON DATABASE bewaar TO bewaar_owner;
-- TEMPORARY: an ingest stages its batches of records in a temporary table.
GRANT CONNECT, TEMPORARY ON DATABASE bewaar TO bewaar_app;
GRANT USAGE ON SCHEMA public TO bewaar_app;
GRANT CREATE ON SCHEMA public TO bewaar_owner;
-- Tables, sequences and functions the owner makes later (its migrations) are usable by the servers.
ALTER DEFAULT PRIVILEGES FOR ROLE bewaar_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO bewaar_app;
ALTER DEFAULT PRIVILEGES FOR ROLE bewaar_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO bewaar_app;
-- Then, as bewaar_owner: `bewaar store init` (see README, "For a school board's IT"), and after it:
--   GRANT EXECUTE ON FUNCTION board_destruction_log(), board_retention_overview() TO bewaar_app;
