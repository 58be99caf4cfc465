#pragma once
// The few cryptographic steps Hoot needs, all through libsodium. Thread-safe once
// InitCrypto() has run (it is idempotent; call it at start).

#include <string>
#include <string_view>

namespace hoot::service {

// Throws std::runtime_error when libsodium cannot initialise (a start-up failure).
void InitCrypto();

// Argon2id with OWASP's m = 19 MiB, t = 2. Slow on purpose (tens of ms): never call on an I/O
// thread.
std::string HashPassword(std::string_view password);
bool VerifyPassword(std::string_view password, std::string_view stored_hash);
// A hash of a fixed throw-away password, to verify against when the user does not exist, so that
// "no such user" and "wrong password" take the same time.
const std::string& DecoyPasswordHash();

// `bytes` random bytes, base64url without padding (32 bytes: a 256-bit token).
std::string RandomToken(std::size_t bytes = 32);
// BLAKE2b-256 of `data`, as lower-case hex (how session tokens are stored).
std::string HashToken(std::string_view token);
// BLAKE2b-256 keyed MAC of `message`, base64url: 32-byte secrets come from RandomToken().
std::string KeyedDigest(std::string_view key, std::string_view message);
// Comparison in time independent of where the strings differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace hoot::service
