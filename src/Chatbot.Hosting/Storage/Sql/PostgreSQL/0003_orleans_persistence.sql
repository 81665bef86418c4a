-- Grain state for Orleans' ADO.NET grain storage (Microsoft.Orleans.Persistence.AdoNet 10.x), binary payloads only.
-- A row is keyed by service, grain type and grain id (Orleans passes both hashes and the parts of the id); version is
-- the ETag: a write or clear must name the version it read, so a stale activation gets InconsistentStateException
-- instead of overwriting newer state. A missing key extension is stored as ''.

CREATE TABLE IF NOT EXISTS chatbot_grain_state
(
    service_id         text        NOT NULL,
    grain_type_hash    integer     NOT NULL,
    grain_id_hash      integer     NOT NULL,
    grain_type         text        NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    grain_id_extension text        NOT NULL,
    payload            bytea       NULL,
    version            integer     NOT NULL,
    modified_on        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT pk_chatbot_grain_state PRIMARY KEY
        (service_id, grain_type_hash, grain_id_hash, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
);

-- Inserts (no expected version) or updates (expected version matches) a grain's state; the new version, or NULL when
-- the stored version is not the one the caller read.
CREATE OR REPLACE FUNCTION chatbot_write_grain_state(
    p_service_id text, p_grain_type_hash integer, p_grain_id_hash integer, p_grain_type text,
    p_grain_id_n0 bigint, p_grain_id_n1 bigint, p_grain_id_extension text, p_expected_version integer, p_payload bytea)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    new_version integer;
BEGIN
    IF p_expected_version IS NULL THEN
        INSERT INTO chatbot_grain_state
            (service_id, grain_type_hash, grain_id_hash, grain_type, grain_id_n0, grain_id_n1, grain_id_extension,
             payload, version)
        VALUES
            (p_service_id, p_grain_type_hash, p_grain_id_hash, p_grain_type, p_grain_id_n0, p_grain_id_n1,
             COALESCE(p_grain_id_extension, ''), p_payload, 1)
        ON CONFLICT DO NOTHING
        RETURNING version INTO new_version;
    ELSE
        UPDATE chatbot_grain_state
        SET payload = p_payload, version = version + 1, modified_on = now()
        WHERE service_id = p_service_id AND grain_type_hash = p_grain_type_hash AND grain_id_hash = p_grain_id_hash
          AND grain_type = p_grain_type AND grain_id_n0 = p_grain_id_n0 AND grain_id_n1 = p_grain_id_n1
          AND grain_id_extension = COALESCE(p_grain_id_extension, '') AND version = p_expected_version
        RETURNING version INTO new_version;
    END IF;
    RETURN new_version;
END
$$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', $q$
    SELECT payload AS PayloadBinary, version AS Version
    FROM chatbot_grain_state
    WHERE service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
      AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_extension = COALESCE(@GrainIdExtensionString, '');
$q$),
('WriteToStorageKey', $q$
    SELECT chatbot_write_grain_state(@ServiceId, @GrainTypeHash, @GrainIdHash, @GrainTypeString, @GrainIdN0,
                                     @GrainIdN1, @GrainIdExtensionString, @GrainStateVersion, @PayloadBinary)
           AS NewGrainStateVersion;
$q$),
('ClearStorageKey', $q$
    UPDATE chatbot_grain_state
    SET payload = NULL, version = version + 1, modified_on = now()
    WHERE service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
      AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_extension = COALESCE(@GrainIdExtensionString, '') AND version = @GrainStateVersion
    RETURNING version AS NewGrainStateVersion;
$q$),
('DeleteStorageKey', $q$
    DELETE FROM chatbot_grain_state
    WHERE service_id = @ServiceId AND grain_type_hash = @GrainTypeHash AND grain_id_hash = @GrainIdHash
      AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_extension = COALESCE(@GrainIdExtensionString, '') AND version = @GrainStateVersion
    RETURNING version + 1 AS NewGrainStateVersion;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
