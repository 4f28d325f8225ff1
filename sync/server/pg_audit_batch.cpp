#include "server/pg_audit_batch.h"

#include "server/server_store.h"

#include <ctime>

namespace noteward::sync::server::pg {

namespace {

// A PostgreSQL array literal of text values: each quoted, with '"' and '\' escaped.
std::string arrayOf(const std::vector<std::string>& values)
{
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out += ',';
        out += '"';
        for (const char ch : values[i]) {
            if (ch == '"' || ch == '\\') out += '\\';
            out += ch;
        }
        out += '"';
    }
    return out + "}";
}

}  // namespace

void AuditBatch::append(const std::string& practiceId, std::int64_t seq, const std::string& action, const std::string& actor,
                        const std::string& object, const std::string& headRead)
{
    const auto tail = m_tails.find(practiceId);
    const std::string previous = tail == m_tails.end() ? headRead : tail->second;
    const auto at = static_cast<std::int64_t>(time(nullptr));
    std::string hash = auditHash({seq, at, action, actor, object, previous, {}}, practiceId);
    m_tails[practiceId] = hash;
    m_rows.push_back(Row{practiceId, seq, at, action, actor, object, previous, std::move(hash)});
}

void AuditBatch::insertInto(Connection& c)
{
    if (m_rows.empty()) return;
    std::vector<std::string> seqs, practices, ats, actions, actors, objects, previous, hashes;
    for (const Row& r : m_rows) {
        seqs.push_back(std::to_string(r.seq));
        practices.push_back(r.practiceId);
        ats.push_back(std::to_string(r.at));
        actions.push_back(r.action);
        actors.push_back(r.actor);
        objects.push_back(r.object);
        previous.push_back(r.previous);
        hashes.push_back(r.hash);
    }
    // One statement whatever the count (one prepared statement, not one per batch size).
    c.run("INSERT INTO audit (seq, practice_id, at, action, actor, object, previous_hash, hash) "
          "SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])",
          {arrayOf(seqs), arrayOf(practices), arrayOf(ats), arrayOf(actions), arrayOf(actors), arrayOf(objects), arrayOf(previous),
           arrayOf(hashes)});
    m_rows.clear();
    m_tails.clear();
}

}  // namespace noteward::sync::server::pg
