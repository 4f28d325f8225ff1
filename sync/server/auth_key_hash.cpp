#include "server/auth_key_hash.h"

#include "crypto/random.h"

#include <argon2.h>

#include <semaphore>
#include <stdexcept>
#include <vector>

namespace noteward::sync::server {

namespace {
constexpr std::uint32_t kMemoryKiB = 19 * 1024;
constexpr std::uint32_t kIterations = 2;
constexpr std::uint32_t kParallelism = 1;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

// At most two Argon2id runs at once (19 MiB each, one core each): a burst of sign-ins or
// joins queues here instead of taking every core and growing memory without bound.
std::counting_semaphore<2> g_argon2Slots(2);

struct Slot {
    Slot() { g_argon2Slots.acquire(); }
    ~Slot() { g_argon2Slots.release(); }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
};
}  // namespace

std::string hashAuthKey(core::ByteView authKey)
{
    const auto salt = core::crypto::randomBytes(kSaltBytes);
    const Slot slot;
    std::vector<char> encoded(argon2_encodedlen(kIterations, kMemoryKiB, kParallelism, kSaltBytes, kHashBytes, Argon2_id));
    const int rc = argon2id_hash_encoded(kIterations, kMemoryKiB, kParallelism, authKey.data(), authKey.size(), salt.data(),
                                         salt.size(), kHashBytes, encoded.data(), encoded.size());
    if (rc != ARGON2_OK) throw std::runtime_error(std::string("Argon2id failed: ") + argon2_error_message(rc));
    return std::string(encoded.data());
}

bool authKeyMatches(std::string_view phc, core::ByteView authKey)
{
    const std::string terminated(phc);
    const Slot slot;
    return argon2id_verify(terminated.c_str(), authKey.data(), authKey.size()) == ARGON2_OK;
}

const std::string& decoyAuthHash()
{
    static const std::string decoy = hashAuthKey(core::crypto::randomBytes(32));
    return decoy;
}

}  // namespace noteward::sync::server
