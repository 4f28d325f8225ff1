#include "audit/audit_log.h"

#include "crypto/ed25519.h"
#include "crypto/sha256.h"
#include "util/clock.h"
#include "util/hex.h"
#include "vault/database.h"

#include <unordered_map>

namespace noteward::core::audit {

namespace {
const std::string kGenesis(64, '0');

void hashField(crypto::Sha256& hasher, std::string_view field)
{
    // Length-prefixed, so no choice of field contents can make two entries hash alike.
    const auto n = static_cast<std::uint32_t>(field.size());
    const std::uint8_t length[4] = {static_cast<std::uint8_t>(n >> 24), static_cast<std::uint8_t>(n >> 16),
                                    static_cast<std::uint8_t>(n >> 8), static_cast<std::uint8_t>(n)};
    hasher.update(ByteView(length, 4)).update(asBytes(field));
}

AuditEntry readEntry(const vault::Statement& st)
{
    return AuditEntry{st.int64(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(6), st.text(7)};
}

constexpr std::string_view kSelect =
    "SELECT seq, time, actor, action, object_type, object_id, prev_hash, hash FROM audit_log ";
}  // namespace

std::string AuditLog::computeHash(const AuditEntry& entry)
{
    // The sequence number is left out on purpose: the chain itself fixes the order, and
    // leaving it out lets verify() tell a moved entry from an edited one.
    crypto::Sha256 hasher;
    hashField(hasher, "noteward-audit-v1");
    for (std::string_view field : {std::string_view(entry.time), std::string_view(entry.actor),
                                   std::string_view(entry.action), std::string_view(entry.objectType),
                                   std::string_view(entry.objectId), std::string_view(entry.prevHash)})
        hashField(hasher, field);
    return toHex(hasher.finish());
}

AuditEntry AuditLog::append(std::string_view actor, std::string_view action, std::string_view objectType,
                            std::string_view objectId, std::optional<std::string> time)
{
    AuditEntry entry;
    {
        auto last = m_db.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1;");
        if (last.step()) {
            entry.seq = last.int64(0) + 1;
            entry.prevHash = last.text(1);
        } else {
            entry.seq = 1;
            entry.prevHash = kGenesis;
        }
    }
    entry.time = time ? std::move(*time) : nowUtcIso8601();
    entry.actor = actor;
    entry.action = action;
    entry.objectType = objectType;
    entry.objectId = objectId;
    entry.hash = computeHash(entry);

    m_db.prepare("INSERT INTO audit_log (seq, time, actor, action, object_type, object_id, prev_hash, hash) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?);")
        .bind(1, entry.seq)
        .bind(2, entry.time)
        .bind(3, entry.actor)
        .bind(4, entry.action)
        .bind(5, entry.objectType)
        .bind(6, entry.objectId)
        .bind(7, entry.prevHash)
        .bind(8, entry.hash)
        .run();
    return entry;
}

std::optional<AuditHead> AuditLog::head() const
{
    auto last = m_db.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1;");
    if (!last.step()) return std::nullopt;
    return AuditHead{last.int64(0), last.text(1)};
}

std::string AuditLog::checkpointMessage(std::string_view vaultId, const AuditHead& head)
{
    return "noteward-audit-checkpoint-v1|" + std::string(vaultId) + "|" + std::to_string(head.seq) + "|" + head.hash;
}

std::vector<AuditEntry> AuditLog::list(std::int64_t limit) const
{
    std::vector<AuditEntry> out;
    if (limit > 0) {
        auto st = m_db.prepare(std::string("SELECT * FROM (") + std::string(kSelect) +
                               "ORDER BY seq DESC LIMIT ?) ORDER BY seq ASC;");
        st.bind(1, limit);
        while (st.step()) out.push_back(readEntry(st));
    } else {
        auto st = m_db.prepare(std::string(kSelect) + "ORDER BY seq ASC;");
        while (st.step()) out.push_back(readEntry(st));
    }
    return out;
}

namespace {
// seq:hash[:signature] as written by the head, rollback and checkpoint entries.
struct HeadReference {
    AuditHead head;
    std::string signature;
};

std::optional<HeadReference> parseHeadReference(const std::string& text)
{
    const auto first = text.find(':');
    if (first == std::string::npos) return std::nullopt;
    const auto second = text.find(':', first + 1);
    HeadReference ref;
    const std::string seq = text.substr(0, first);
    if (seq.empty() || seq.size() > 18 || seq.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    ref.head.seq = std::stoll(seq);
    ref.head.hash = text.substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1);
    if (second != std::string::npos) ref.signature = text.substr(second + 1);
    return ref;
}

bool checkpointSignedBy(const std::vector<std::string>& keys, const std::string& message, const std::string& signature)
{
    const auto sig = fromHex(signature);
    if (!sig || sig->size() != 64) return false;
    for (const std::string& keyHex : keys) {
        const auto pub = fromHex(keyHex);
        if (!pub || pub->size() != 32) continue;
        crypto::Ed25519PublicKey key{};
        std::copy(pub->begin(), pub->end(), key.begin());
        if (crypto::ed25519Verify(key, asBytes(message), *sig)) return true;
    }
    return false;
}

// The findings that entries themselves record: cut tails, missing heads, rollbacks, and the
// checkpoints' signatures.
void checkRecordedFindings(const std::vector<AuditEntry>& entries, const std::vector<std::string>& keys,
                           std::string_view vaultId, AuditVerification& result)
{
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const AuditEntry& e = entries[i];
        const std::string seq = std::to_string(e.seq);
        if (e.action == action::kTailMissing) {
            const auto ref = parseHeadReference(e.objectId);
            result.problems.push_back(
                {e.seq, "entries were cut from the end of the log before entry " + seq + " (it had reached entry " +
                            (ref ? std::to_string(ref->head.seq) : std::string("?")) + ", found at unlock on " +
                            e.time + ")"});
        } else if (e.action == action::kHeadMissing) {
            result.problems.push_back(
                {e.seq, "the record of the log's newest entry kept beside the vault was deleted (found at unlock on " +
                            e.time + "): entries cut from the end before then cannot be ruled out"});
        } else if (e.action == action::kVaultRolledBack) {
            const auto ref = parseHeadReference(e.objectId);
            result.notices.push_back(
                {e.seq, "entry " + seq + ": a backup was restored over a vault whose log had reached entry " +
                            (ref ? std::to_string(ref->head.seq) : std::string("?")) +
                            "; what that vault recorded after the backup was taken is not in this log"});
        } else if (e.action == action::kCheckpoint) {
            const auto ref = parseHeadReference(e.objectId);
            const bool follows = ref && i > 0 && ref->head.seq == entries[i - 1].seq && ref->head.hash == entries[i - 1].hash;
            if (!follows) {
                result.problems.push_back({e.seq, "checkpoint " + seq + " does not sign the entry before it"});
            } else if (!checkpointSignedBy(keys, AuditLog::checkpointMessage(vaultId, ref->head), ref->signature)) {
                result.problems.push_back(
                    {e.seq, "checkpoint " + seq + " is not signed by this vault's therapist key"});
            } else {
                ++result.checkpointsVerified;
            }
        }
    }
}
}  // namespace

AuditVerification AuditLog::verify(const std::vector<std::string>& signingKeys, std::string_view vaultId) const
{
    const std::vector<AuditEntry> entries = list();
    AuditVerification result;
    result.entriesChecked = static_cast<std::int64_t>(entries.size());

    std::unordered_map<std::string, std::size_t> positionOfHash;
    for (std::size_t i = 0; i < entries.size(); ++i) positionOfHash.emplace(entries[i].hash, i);

    for (std::size_t i = 0; i < entries.size(); ++i) {
        const AuditEntry& e = entries[i];
        const std::string seq = std::to_string(e.seq);
        if (computeHash(e) != e.hash)
            result.problems.push_back({e.seq, "entry " + seq + " was edited: its hash does not match its content"});

        if (i > 0 && e.seq != entries[i - 1].seq + 1) {
            const std::int64_t first = entries[i - 1].seq + 1;
            const std::int64_t last = e.seq - 1;
            result.problems.push_back(
                {e.seq, first == last ? "entry " + std::to_string(first) + " was deleted"
                                      : "entries " + std::to_string(first) + " to " + std::to_string(last) +
                                            " were deleted"});
            continue;
        }

        const std::string& expectedPrev = i == 0 ? kGenesis : entries[i - 1].hash;
        if (e.prevHash == expectedPrev) continue;

        const auto found = positionOfHash.find(e.prevHash);
        if (e.prevHash == kGenesis || (found != positionOfHash.end() && found->second + 1 < i)) {
            // It links back past its neighbour: what sits between was put there later.
            const std::size_t from = e.prevHash == kGenesis ? 0 : found->second + 1;
            std::string which;
            for (std::size_t k = from; k < i; ++k) which += (which.empty() ? "" : ", ") + std::to_string(entries[k].seq);
            result.problems.push_back(
                {e.seq, "entry " + seq + " links past entry " + which + ": inserted or reordered entry " + which});
        } else if (found != positionOfHash.end() && found->second > i) {
            result.problems.push_back({e.seq, "entry " + seq + " is out of order: it was written after entry " +
                                                  std::to_string(entries[found->second].seq)});
        } else {
            result.problems.push_back(
                {e.seq, "the entry written before entry " + seq + " is missing: an entry was deleted"});
        }
    }
    checkRecordedFindings(entries, signingKeys, vaultId, result);
    return result;
}

}  // namespace noteward::core::audit
