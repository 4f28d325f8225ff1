#pragma once

#include "crypto/secret_bytes.h"
#include "util/result.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace noteward::core::vault {

// A SQLite/SQLCipher failure. Thrown inside core/vault only; repositories turn it into an
// Error value at their boundary (see guarded()). The message never holds bound values.
class DbError : public std::runtime_error {
public:
    // `systemErrno`: the OS error behind an I/O failure (sqlite3_system_errno), so a full
    // disk is told apart from other write failures.
    DbError(int sqliteCode, const std::string& what, int systemErrno = 0);
    int sqliteCode() const { return m_code; }
    Error toError() const;

private:
    int m_code;
    int m_systemErrno;
};

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement& operator=(Statement&&) = delete;

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, ByteView blob);
    Statement& bindNull(int index);
    Statement& bind(int index, const std::optional<std::string>& text);

    // true while a row is available; false once done.
    bool step();
    void run();  // step() that must finish without rows
    void reset();

    std::string text(int column) const;
    std::optional<std::string> optionalText(int column) const;
    std::int64_t int64(int column) const;
    Bytes blob(int column) const;
    // For key material: copied straight from SQLite's buffer into wiped memory.
    crypto::SecretBytes secretBlob(int column) const;
    bool isNull(int column) const;

private:
    friend class Database;
    // A statement lent from Database::cached(): reset and handed back instead of finalized.
    Statement(sqlite3* db, sqlite3_stmt* lent, bool* lentFlag) : m_db(db), m_stmt(lent), m_lent(lentFlag) {}
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
    bool* m_lent = nullptr;  // the cache's in-use flag when lent
};

// One SQLCipher connection. Opening checks that the library really is SQLCipher and that
// the key opens the file, before anything is written.
class Database {
public:
    struct OpenOptions {
        bool create = false;
        // Major version of SQLCipher that created the file (3 or 4); a 4.x library reads a
        // version-3 file in compatibility mode.
        int cipherCompatibility = 0;
    };

    static std::unique_ptr<Database> open(const std::filesystem::path& file, const crypto::SecretBytes& key,
                                          const OpenOptions& options);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    // Like prepare(), but the compiled statement is kept and lent again next time (reset, so
    // it holds no read snapshot once the returned Statement is gone). For statements run on
    // every request; a statement already lent out is prepared afresh instead of shared.
    Statement cached(std::string_view sql);
    std::int64_t scalarInt(std::string_view sql);
    std::string scalarText(std::string_view sql);
    int changes() const;
    // False in autocommit mode: no transaction open (SQLite ends one by itself on some
    // failures, such as a full disk).
    bool inTransaction() const;
    sqlite3* handle() const { return m_db; }
    const std::filesystem::path& path() const { return m_path; }

    // Major version of the linked SQLCipher, from PRAGMA cipher_version.
    int cipherMajorVersion();

private:
    Database(sqlite3* db, std::filesystem::path path);
    struct Kept {
        sqlite3_stmt* stmt = nullptr;
        bool lent = false;
    };
    sqlite3* m_db;
    std::filesystem::path m_path;
    std::unordered_map<std::string, Kept> m_kept;  // node-based: a lent flag's address stays put
};

// BEGIN IMMEDIATE ... COMMIT, rolled back unless commit() ran. Immediate, so a writer takes
// the write lock up front instead of failing half-way with SQLITE_BUSY.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& m_db;
    bool m_done = false;
};

// 'text' with quotes doubled, for the few statements that cannot take a bound parameter
// (ATTACH's file name).
std::string sqlStringLiteral(std::string_view text);

// The raw-key literal x'…' (for sqlite3_key) and the statement PRAGMA key = "x'…'"; in
// SecretBytes because they are the key.
crypto::SecretBytes rawKeyLiteral(const crypto::SecretBytes& key);
crypto::SecretBytes rawKeyPragma(const crypto::SecretBytes& key);

}  // namespace noteward::core::vault
