#include "vault/database.h"

#include "util/hex.h"

#include <sqlite3.h>

#include <cerrno>
#include <cstring>

namespace noteward::core::vault {

namespace {
std::string describe(sqlite3* db, int rc)
{
    return std::string(sqlite3_errstr(rc)) + (db ? std::string(" (") + sqlite3_errmsg(db) + ")" : "");
}

[[noreturn]] void fail(sqlite3* db, int rc, const char* what)
{
    throw DbError(rc, std::string(what) + ": " + describe(db, rc), db ? sqlite3_system_errno(db) : 0);
}
}  // namespace

DbError::DbError(int sqliteCode, const std::string& what, int systemErrno)
    : std::runtime_error(what), m_code(sqliteCode), m_systemErrno(systemErrno)
{
}

Error DbError::toError() const
{
    const bool outOfSpace = m_systemErrno == ENOSPC || m_systemErrno == EFBIG
#ifdef EDQUOT
                            || m_systemErrno == EDQUOT
#endif
        ;
    switch (outOfSpace ? SQLITE_FULL : m_code & 0xff) {
    case SQLITE_FULL:
        return makeError(ErrorCode::DiskFull,
                         "The disk is full, so nothing was saved. Free some space and try again.");
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        return makeError(ErrorCode::Corrupt,
                         "The vault database is damaged or truncated. Restore it from a backup.");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return makeError(ErrorCode::Busy,
                         "The vault is busy in another Noteward window or command. Try again.");
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return makeError(ErrorCode::Io, std::string("The vault could not be read or written: ") + what());
    case SQLITE_CONSTRAINT:
        return makeError(ErrorCode::InvalidInput, std::string("The change was refused: ") + what());
    default:
        return makeError(ErrorCode::Internal, std::string("Vault error: ") + what());
    }
}

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db)
{
    const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK) fail(db, rc, "prepare");
}

Statement::~Statement()
{
    if (!m_lent) {
        sqlite3_finalize(m_stmt);
        return;
    }
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    *m_lent = false;
}

Statement::Statement(Statement&& other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt), m_lent(other.m_lent)
{
    other.m_stmt = nullptr;
    other.m_lent = nullptr;
}

Statement& Statement::bind(int index, std::string_view text)
{
    const int rc = sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) fail(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value)
{
    const int rc = sqlite3_bind_int64(m_stmt, index, value);
    if (rc != SQLITE_OK) fail(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, ByteView blob)
{
    const int rc = sqlite3_bind_blob(m_stmt, index, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) fail(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bindNull(int index)
{
    const int rc = sqlite3_bind_null(m_stmt, index);
    if (rc != SQLITE_OK) fail(m_db, rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& text)
{
    return text ? bind(index, std::string_view(*text)) : bindNull(index);
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(m_db, rc, "step");
}

void Statement::run()
{
    if (step()) throw DbError(SQLITE_MISUSE, "statement returned rows where none were expected");
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::string Statement::text(int column) const
{
    const auto* p = sqlite3_column_text(m_stmt, column);
    const int n = sqlite3_column_bytes(m_stmt, column);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string();
}

std::optional<std::string> Statement::optionalText(int column) const
{
    if (isNull(column)) return std::nullopt;
    return text(column);
}

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(m_stmt, column); }

Bytes Statement::blob(int column) const
{
    const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
    const int n = sqlite3_column_bytes(m_stmt, column);
    return p ? Bytes(p, p + n) : Bytes();
}

crypto::SecretBytes Statement::secretBlob(int column) const
{
    const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, column));
    const int n = sqlite3_column_bytes(m_stmt, column);
    return p ? crypto::SecretBytes(ByteView(p, static_cast<std::size_t>(n))) : crypto::SecretBytes();
}

bool Statement::isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

std::string sqlStringLiteral(std::string_view text)
{
    std::string out = "'";
    for (char c : text) {
        out += c;
        if (c == '\'') out += '\'';
    }
    return out + "'";
}

crypto::SecretBytes rawKeyLiteral(const crypto::SecretBytes& key)
{
    // x'<64 hex>', built in place so the hex never sits in a std::string.
    static constexpr char digits[] = "0123456789abcdef";
    crypto::SecretBytes out(key.size() * 2 + 3);
    std::size_t pos = 0;
    out.data()[pos++] = 'x';
    out.data()[pos++] = '\'';
    for (std::uint8_t b : key.view()) {
        out.data()[pos++] = static_cast<std::uint8_t>(digits[b >> 4]);
        out.data()[pos++] = static_cast<std::uint8_t>(digits[b & 0x0f]);
    }
    out.data()[pos] = '\'';
    return out;
}

crypto::SecretBytes rawKeyPragma(const crypto::SecretBytes& key)
{
    // PRAGMA key = "x'<64 hex>'";  (NUL-terminated for sqlite3_exec)
    static constexpr char prefix[] = "PRAGMA key = \"";
    static constexpr char suffix[] = "\";";
    const crypto::SecretBytes literal = rawKeyLiteral(key);
    const std::size_t prefixLen = sizeof prefix - 1;
    const std::size_t suffixLen = sizeof suffix - 1;
    crypto::SecretBytes out(prefixLen + literal.size() + suffixLen + 1);
    std::memcpy(out.data(), prefix, prefixLen);
    std::memcpy(out.data() + prefixLen, literal.data(), literal.size());
    std::memcpy(out.data() + prefixLen + literal.size(), suffix, suffixLen);
    out.data()[out.size() - 1] = 0;
    return out;
}

Database::Database(sqlite3* db, std::filesystem::path path) : m_db(db), m_path(std::move(path)) {}

Database::~Database()
{
    for (auto& [sql, kept] : m_kept) sqlite3_finalize(kept.stmt);
    sqlite3_close_v2(m_db);
}

std::unique_ptr<Database> Database::open(const std::filesystem::path& file, const crypto::SecretBytes& key,
                                         const OpenOptions& options)
{
    sqlite3* handle = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | (options.create ? SQLITE_OPEN_CREATE : 0) |
                      SQLITE_OPEN_FULLMUTEX;
    const int rc = sqlite3_open_v2(file.string().c_str(), &handle, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = describe(handle, rc);
        sqlite3_close_v2(handle);
        throw DbError(rc, "open: " + message);
    }
    std::unique_ptr<Database> db(new Database(handle, file));

    // The key must be the first thing on the connection. sqlite3_key takes the raw-key form
    // "x'<hex>'" as bytes, so the key never passes through SQL text that SQLite copies.
#ifdef SQLITE_HAS_CODEC
    const crypto::SecretBytes rawKey = rawKeyLiteral(key);
    const int keyRc = sqlite3_key(handle, rawKey.data(), static_cast<int>(rawKey.size()));
#else
    const crypto::SecretBytes pragma = rawKeyPragma(key);
    const int keyRc = sqlite3_exec(handle, reinterpret_cast<const char*>(pragma.data()), nullptr, nullptr, nullptr);
#endif
    if (keyRc != SQLITE_OK) fail(handle, keyRc, "key");

    // A build that linked plain SQLite would ignore PRAGMA key and write clinical data in the
    // clear; SQLCipher answers cipher_version, plain SQLite answers nothing.
    const int major = db->cipherMajorVersion();
    if (major == 0)
        throw DbError(SQLITE_MISUSE, "this build is linked against plain SQLite, not SQLCipher; refusing to use it");
    if (major >= 4 && options.cipherCompatibility == 3) db->exec("PRAGMA cipher_compatibility = 3;");

    // First read of the file: fails with SQLITE_NOTADB if the key or the file is wrong.
    db->scalarInt("SELECT count(*) FROM sqlite_master;");
    return db;
}

int Database::cipherMajorVersion()
{
    Statement st(m_db, "PRAGMA cipher_version;");
    if (!st.step()) return 0;
    const std::string version = st.text(0);
    return version.empty() ? 0 : std::atoi(version.c_str());
}

void Database::exec(std::string_view sql)
{
    const std::string text(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const std::string detail = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        throw DbError(rc, "exec: " + detail, sqlite3_system_errno(m_db));
    }
}

Statement Database::prepare(std::string_view sql) { return Statement(m_db, sql); }

Statement Database::cached(std::string_view sql)
{
    auto [it, added] = m_kept.try_emplace(std::string(sql));
    Kept& kept = it->second;
    if (kept.lent) return Statement(m_db, sql);
    if (added) {
        const int rc = sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &kept.stmt, nullptr);
        if (rc != SQLITE_OK) {
            m_kept.erase(it);
            fail(m_db, rc, "prepare");
        }
    }
    kept.lent = true;
    return Statement(m_db, kept.stmt, &kept.lent);
}

std::int64_t Database::scalarInt(std::string_view sql)
{
    Statement st(m_db, sql);
    return st.step() ? st.int64(0) : 0;
}

std::string Database::scalarText(std::string_view sql)
{
    Statement st(m_db, sql);
    return st.step() ? st.text(0) : std::string();
}

int Database::changes() const { return sqlite3_changes(m_db); }

bool Database::inTransaction() const { return sqlite3_get_autocommit(m_db) == 0; }

Transaction::Transaction(Database& db) : m_db(db) { m_db.exec("BEGIN IMMEDIATE;"); }

Transaction::~Transaction()
{
    if (!m_done) sqlite3_exec(m_db.handle(), "ROLLBACK;", nullptr, nullptr, nullptr);
}

void Transaction::commit()
{
    m_db.exec("COMMIT;");
    m_done = true;
}

}  // namespace noteward::core::vault
