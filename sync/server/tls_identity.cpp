#include "server/tls_identity.h"

#include "crypto/random.h"
#include "vault/file_io.h"

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <ctime>
#include <functional>
#include <memory>
#include <string>

namespace noteward::sync::server {

using core::ErrorCode;
using core::makeError;

namespace {
template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using Extension = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

constexpr int kValidDays = 90;

std::string pemOf(const std::function<int(BIO*)>& write)
{
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || write(bio.get()) != 1) return {};
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

// Still usable: readable, and not expiring within a day.
bool usable(const std::filesystem::path& certFile, const std::filesystem::path& keyFile)
{
    std::error_code ec;
    if (!std::filesystem::exists(keyFile, ec)) return false;
    Bio bio(BIO_new_file(certFile.string().c_str(), "r"));
    if (!bio) return false;
    Cert cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!cert) return false;
    time_t tomorrow = time(nullptr) + 24 * 3600;
    return X509_cmp_current_time(X509_get0_notBefore(cert.get())) < 0 &&
           X509_cmp_time(X509_get0_notAfter(cert.get()), &tomorrow) > 0;
}
}  // namespace

core::Result<TlsFiles> loopbackIdentity(const std::filesystem::path& dataDir)
{
    const auto folder = dataDir / "tls";
    TlsFiles files{folder / "loopback-cert.pem", folder / "loopback-key.pem"};
    if (usable(files.certificate, files.privateKey)) return files;
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) return makeError(ErrorCode::Io, "Cannot create " + folder.string() + ": " + ec.message());
    std::filesystem::permissions(folder, std::filesystem::perms::owner_all, ec);

    Key key(EVP_EC_gen("P-256"));
    Cert cert(X509_new());
    if (!key || !cert) return makeError(ErrorCode::Internal, "OpenSSL could not make a key for the loopback certificate.");
    X509_set_version(cert.get(), 2);
    const auto serial = core::crypto::randomBytes(16);
    std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>> bn(BN_bin2bn(serial.data(), 15, nullptr));
    BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(cert.get()));
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 60L * 60 * 24 * kValidDays);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("noteward-syncd loopback development"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
    for (const auto& [nid, value] : {std::pair{NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1"},
                                     std::pair{NID_basic_constraints, "critical,CA:FALSE"},
                                     std::pair{NID_ext_key_usage, "serverAuth"}}) {
        Extension ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
        if (!ext || X509_add_ext(cert.get(), ext.get(), -1) != 1)
            return makeError(ErrorCode::Internal, "OpenSSL could not build the loopback certificate.");
    }
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0)
        return makeError(ErrorCode::Internal, "OpenSSL could not sign the loopback certificate.");

    const std::string certPem = pemOf([&](BIO* b) { return PEM_write_bio_X509(b, cert.get()); });
    const std::string keyPem =
        pemOf([&](BIO* b) { return PEM_write_bio_PrivateKey(b, key.get(), nullptr, nullptr, 0, nullptr, nullptr); });
    if (certPem.empty() || keyPem.empty()) return makeError(ErrorCode::Internal, "OpenSSL could not write the loopback certificate.");
    // The key first: a certificate is only ever found beside the key it belongs to.
    if (auto w = core::vault::writeFileAtomically(files.privateKey, core::asBytes(keyPem)); !w) return w.error();
    if (auto w = core::vault::writeFileAtomically(files.certificate, core::asBytes(certPem)); !w) return w.error();
    return files;
}

}  // namespace noteward::sync::server
