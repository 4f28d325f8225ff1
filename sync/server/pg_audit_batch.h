#pragma once

#include "server/pg_connection.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace noteward::sync::server::pg {

// The audit entries of one transaction's object writes, chained here and inserted in one
// statement just before the commit, so an entry costs no round trip of its own. The caller
// holds each practice's audit lock from its first entry to the commit: nobody else extends
// that chain meanwhile, so the head the transaction read stays the head. Every entry a
// transaction adds to a practice's chain must go through its one batch: an entry inserted
// beside an unflushed batch would fork the chain.
class AuditBatch {
public:
    // The practice's next entry, numbered `seq`. `headRead` is the chain's head as the
    // transaction read it; it is used for the practice's first entry here, later ones follow
    // the entries before them in this batch.
    void append(const std::string& practiceId, std::int64_t seq, const std::string& action, const std::string& actor,
                const std::string& object, const std::string& headRead);
    // Inserts the entries (no statement when there are none) and starts again empty.
    void insertInto(Connection& c);

private:
    struct Row {
        std::string practiceId;
        std::int64_t seq;
        std::int64_t at;
        std::string action, actor, object, previous, hash;
    };
    std::map<std::string, std::string> m_tails;  // practice → hash of its newest entry here
    std::vector<Row> m_rows;
};

}  // namespace noteward::sync::server::pg
