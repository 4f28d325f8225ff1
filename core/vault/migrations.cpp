#include "vault/migrations.h"

#include "vault/database.h"

#include <array>
#include <string>

namespace noteward::core::vault {

namespace {
constexpr std::array kMigrations{
    Migration{1, "practice, local user, settings and the audit log", R"sql(
        CREATE TABLE practice (
            id   TEXT PRIMARY KEY,
            name TEXT NOT NULL
        );
        CREATE TABLE local_user (
            id           TEXT PRIMARY KEY,
            practice_id  TEXT NOT NULL REFERENCES practice(id),
            display_name TEXT NOT NULL,
            email        TEXT,
            role         TEXT NOT NULL
        );
        CREATE TABLE settings (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE audit_log (
            seq         INTEGER PRIMARY KEY,
            time        TEXT NOT NULL,
            actor       TEXT NOT NULL,
            action      TEXT NOT NULL,
            object_type TEXT NOT NULL,
            object_id   TEXT NOT NULL,
            prev_hash   TEXT NOT NULL,
            hash        TEXT NOT NULL
        );
    )sql"},
    Migration{2, "clients and sessions", R"sql(
        CREATE TABLE clients (
            id            TEXT PRIMARY KEY,
            name          TEXT NOT NULL,
            name_folded   TEXT NOT NULL,
            date_of_birth TEXT,
            email         TEXT,
            phone         TEXT,
            address       TEXT,
            nhs_number    TEXT,
            status        TEXT NOT NULL CHECK (status IN ('active', 'discharged', 'archived')),
            created_at    TEXT NOT NULL,
            updated_at    TEXT NOT NULL
        );
        CREATE INDEX clients_by_name ON clients(name_folded);
        CREATE UNIQUE INDEX clients_by_nhs_number ON clients(nhs_number) WHERE nhs_number IS NOT NULL;
        CREATE TABLE sessions (
            id               TEXT PRIMARY KEY,
            client_id        TEXT NOT NULL REFERENCES clients(id) ON DELETE RESTRICT,
            started_at       TEXT NOT NULL,
            duration_seconds INTEGER NOT NULL DEFAULT 0,
            status           TEXT NOT NULL
                             CHECK (status IN ('scheduled', 'in_progress', 'completed', 'cancelled')),
            created_at       TEXT NOT NULL,
            updated_at       TEXT NOT NULL
        );
        CREATE INDEX sessions_by_client ON sessions(client_id, started_at);
    )sql"},
    Migration{3, "transcripts, drafts, risk reviews, signed notes and addenda, signing keys", R"sql(
        CREATE TABLE transcripts (
            session_id TEXT PRIMARY KEY REFERENCES sessions(id),
            json       TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE drafts (
            session_id TEXT PRIMARY KEY REFERENCES sessions(id),
            engine     TEXT NOT NULL,
            json       TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE risk_reviews (
            session_id  TEXT NOT NULL REFERENCES sessions(id),
            category    TEXT NOT NULL,
            decision    TEXT NOT NULL CHECK (decision IN ('confirmed', 'dismissed')),
            reason      TEXT,
            reviewed_at TEXT NOT NULL,
            PRIMARY KEY (session_id, category)
        );
        CREATE TABLE signing_keys (
            user_id    TEXT PRIMARY KEY REFERENCES local_user(id),
            seed       BLOB NOT NULL,
            public_key TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE notes (
            id         TEXT PRIMARY KEY,
            session_id TEXT NOT NULL UNIQUE REFERENCES sessions(id),
            client_id  TEXT NOT NULL REFERENCES clients(id),
            canonical  TEXT NOT NULL,
            hash       TEXT NOT NULL UNIQUE,
            signature  TEXT NOT NULL,
            public_key TEXT NOT NULL,
            signed_at  TEXT NOT NULL
        );
        CREATE INDEX notes_by_client ON notes(client_id, signed_at);
        CREATE TABLE addenda (
            id         TEXT PRIMARY KEY,
            note_id    TEXT NOT NULL REFERENCES notes(id),
            seq        INTEGER NOT NULL,
            canonical  TEXT NOT NULL,
            hash       TEXT NOT NULL UNIQUE,
            signature  TEXT NOT NULL,
            public_key TEXT NOT NULL,
            signed_at  TEXT NOT NULL,
            UNIQUE (note_id, seq)
        );
        -- Signed records are immutable: corrections are addenda. (GDPR erasure, when it comes,
        -- removes whole records through its own audited path.)
        CREATE TRIGGER notes_are_immutable BEFORE UPDATE ON notes
            BEGIN SELECT RAISE(ABORT, 'signed notes are immutable'); END;
        CREATE TRIGGER addenda_are_immutable BEFORE UPDATE ON addenda
            BEGIN SELECT RAISE(ABORT, 'signed addenda are immutable'); END;
    )sql"},
    Migration{4, "session recordings as encrypted Opus chunks", R"sql(
        CREATE TABLE user_secrets (
            user_id TEXT NOT NULL REFERENCES local_user(id),
            name    TEXT NOT NULL,
            secret  BLOB NOT NULL,
            PRIMARY KEY (user_id, name)
        );
        CREATE TABLE recordings (
            id             TEXT PRIMARY KEY,
            session_id     TEXT NOT NULL REFERENCES sessions(id),
            recorded_by    TEXT NOT NULL REFERENCES local_user(id),
            wrapped_key    BLOB NOT NULL,
            codec          TEXT NOT NULL,
            sample_rate    INTEGER NOT NULL,
            source         TEXT NOT NULL,
            status         TEXT NOT NULL CHECK (status IN ('recording', 'complete', 'recovered')),
            started_at     TEXT NOT NULL,
            ended_at       TEXT,
            frames         INTEGER NOT NULL DEFAULT 0,
            chunk_count    INTEGER NOT NULL DEFAULT 0,
            dropped_frames INTEGER NOT NULL DEFAULT 0,
            recorder_pid   INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX recordings_by_session ON recordings(session_id, started_at);
        CREATE TABLE recording_chunks (
            recording_id TEXT NOT NULL REFERENCES recordings(id),
            idx          INTEGER NOT NULL,
            is_last      INTEGER NOT NULL,
            frames       INTEGER NOT NULL,
            data         BLOB NOT NULL,
            PRIMARY KEY (recording_id, idx)
        );
    )sql"},
    Migration{5, "the machine transcript kept beside the therapist's corrected one", R"sql(
        ALTER TABLE transcripts ADD COLUMN machine_json TEXT;
        ALTER TABLE transcripts ADD COLUMN engine TEXT;
        UPDATE transcripts SET machine_json = json WHERE machine_json IS NULL;
    )sql"},
    Migration{6, "append-only audit log, undeletable signed records and keys, vault flags", R"sql(
        -- Refuses ordinary edits through any SQL path (a bug, a script, the sqlcipher shell
        -- used carelessly). Someone determined can drop a trigger; the audit head beside the
        -- vault, signed checkpoints and (with sync) the server's copy are what catch that.
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER notes_no_delete BEFORE DELETE ON notes
            BEGIN SELECT RAISE(ABORT, 'signed notes cannot be deleted'); END;
        CREATE TRIGGER addenda_no_delete BEFORE DELETE ON addenda
            BEGIN SELECT RAISE(ABORT, 'signed addenda cannot be deleted'); END;
        CREATE TRIGGER signing_keys_no_update BEFORE UPDATE ON signing_keys
            BEGIN SELECT RAISE(ABORT, 'a signing key cannot be replaced'); END;
        CREATE TRIGGER signing_keys_no_delete BEFORE DELETE ON signing_keys
            BEGIN SELECT RAISE(ABORT, 'a signing key cannot be deleted'); END;
        -- Facts about the vault itself (not the therapist's settings).
        CREATE TABLE vault_flags (name TEXT PRIMARY KEY);
    )sql"},
    Migration{7, "the therapist's own assessment of a risk category the draft did not assess", R"sql(
        -- SQLite cannot change a CHECK constraint in place: rebuild the table. 'assessed:<status>'
        -- is a category the engine left "not assessed" and the therapist set, with a note.
        CREATE TABLE risk_reviews_v7 (
            session_id  TEXT NOT NULL REFERENCES sessions(id),
            category    TEXT NOT NULL,
            decision    TEXT NOT NULL CHECK (decision IN ('confirmed', 'dismissed', 'assessed:present',
                                                          'assessed:denied', 'assessed:historical')),
            reason      TEXT,
            reviewed_at TEXT NOT NULL,
            PRIMARY KEY (session_id, category)
        );
        INSERT INTO risk_reviews_v7 SELECT session_id, category, decision, reason, reviewed_at FROM risk_reviews;
        DROP TABLE risk_reviews;
        ALTER TABLE risk_reviews_v7 RENAME TO risk_reviews;
    )sql"},
    Migration{8, "the therapist's enrolled voice, for telling therapist and client apart", R"sql(
        -- A model of the voice (not audio): biometric data about the therapist, so it lives only
        -- here, encrypted with everything else, and is deleted on request.
        CREATE TABLE voice_profiles (
            user_id    TEXT PRIMARY KEY REFERENCES local_user(id),
            profile    TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
    )sql"},
    Migration{9, "who spoke, as the draft's risk reading saw it", R"sql(
        -- A digest of each segment's speaker when the draft was made. Naming or correcting
        -- speakers afterwards changes what risk detection would read, so signing compares the
        -- two and asks for a fresh draft. NULL for drafts made before this was kept.
        ALTER TABLE drafts ADD COLUMN speakers TEXT;
    )sql"},
};
}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

int latestSchemaVersion() { return kMigrations.back().version; }

int schemaVersion(Database& db) { return static_cast<int>(db.scalarInt("PRAGMA user_version;")); }

Result<void> migrate(Database& db, int target)
{
    const int current = schemaVersion(db);
    if (current > latestSchemaVersion()) {
        return makeError(ErrorCode::FromTheFuture,
                         "This vault was written by a newer version of Noteward (schema " + std::to_string(current) +
                             "; this version understands up to " + std::to_string(latestSchemaVersion()) +
                             "). Update Noteward to open it. Nothing was changed.");
    }
    for (const Migration& m : kMigrations) {
        if (m.version <= current || m.version > target) continue;
        Transaction tx(db);
        db.exec(m.sql);
        db.exec("PRAGMA user_version = " + std::to_string(m.version) + ";");
        tx.commit();
    }
    return Ok{};
}

}  // namespace noteward::core::vault
