// Known-answer tests from the published vectors: if a wrapper misuses OpenSSL or libargon2
// (wrong parameter order, truncated output), these fail.
#include "crypto/aes_gcm.h"
#include "crypto/argon2id.h"
#include "crypto/ed25519.h"
#include "crypto/hkdf.h"
#include "crypto/random.h"
#include "crypto/secret_bytes.h"
#include "crypto/sha256.h"
#include "crypto/x25519.h"
#include "util/hex.h"

#include <QTest>

using namespace noteward::core;
using namespace noteward::core::crypto;

namespace {
Bytes hex(const char* text)
{
    auto bytes = fromHex(text);
    if (!bytes) qFatal("bad hex in test vector");
    return *bytes;
}

QByteArray hexOf(ByteView bytes) { return QByteArray::fromStdString(toHex(bytes)); }
}  // namespace

class TestCryptoVectors : public QObject {
    Q_OBJECT
private slots:
    void sha256Abc()
    {
        // FIPS 180-2 example "abc".
        QCOMPARE(hexOf(sha256(asBytes("abc"))),
                 QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        Sha256 incremental;
        incremental.update(asBytes("a")).update(asBytes("bc"));
        QCOMPARE(hexOf(incremental.finish()), hexOf(sha256(asBytes("abc"))));
    }

    void hkdfRfc5869A1()
    {
        const Bytes ikm(22, 0x0b);
        const SecretBytes okm = hkdfSha256(ikm, hex("000102030405060708090a0b0c"), hex("f0f1f2f3f4f5f6f7f8f9"), 42);
        QCOMPARE(hexOf(okm.view()), QByteArray("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                                               "34007208d5b887185865"));
    }

    void hkdfRfc5869A3EmptySaltAndInfo()
    {
        const SecretBytes okm = hkdfSha256(Bytes(22, 0x0b), {}, {}, 42);
        QCOMPARE(hexOf(okm.view()), QByteArray("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
                                               "9d201395faa4b61a96c8"));
    }

    void x25519Rfc7748Section61()
    {
        const auto alice = X25519KeyPair::fromPrivateKey(
            hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        const auto bob = X25519KeyPair::fromPrivateKey(
            hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
        QCOMPARE(hexOf(alice.publicKey()),
                 QByteArray("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"));
        QCOMPARE(hexOf(bob.publicKey()),
                 QByteArray("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"));
        const auto shared = alice.agree(bob.publicKey());
        QVERIFY(shared.has_value());
        QCOMPARE(hexOf(shared->view()),
                 QByteArray("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"));
        QCOMPARE(hexOf(bob.agree(alice.publicKey())->view()), hexOf(shared->view()));
    }

    void x25519RejectsLowOrderPoint()
    {
        const auto alice = X25519KeyPair::generate();
        X25519PublicKey zero{};
        QVERIFY(!alice.agree(zero).has_value());
    }

    void ed25519Rfc8032Test1()
    {
        const auto key = Ed25519KeyPair::fromSeed(hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        QCOMPARE(hexOf(key.publicKey()),
                 QByteArray("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
        const auto signature = key.sign({});
        QCOMPARE(hexOf(signature), QByteArray("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                                              "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"));
        QVERIFY(ed25519Verify(key.publicKey(), {}, signature));
        auto forged = signature;
        forged[10] ^= 0x01;
        QVERIFY(!ed25519Verify(key.publicKey(), {}, forged));
        QVERIFY(!ed25519Verify(key.publicKey(), asBytes("x"), signature));
    }

    void aes256GcmSpecTestCase16()
    {
        // McGrew & Viega, "The Galois/Counter Mode of Operation", test case 16 (AES-256, AAD).
        const Bytes key = hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
        const Bytes iv = hex("cafebabefacedbaddecaf888");
        const Bytes plaintext = hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                                    "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
        const Bytes aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        AesGcm gcm(key);
        const Bytes sealed = gcm.seal(iv, plaintext, aad);
        QCOMPARE(hexOf(ByteView(sealed).first(plaintext.size())),
                 QByteArray("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                            "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"));
        QCOMPARE(hexOf(ByteView(sealed).subspan(plaintext.size())), QByteArray("76fc6ece0f4e1768cddf8853bb2d551b"));
        const auto opened = gcm.open(iv, sealed, aad);
        QVERIFY(opened.has_value());
        QCOMPARE(hexOf(opened->view()), hexOf(plaintext));
    }

    void aes256GcmSpecTestCase14()
    {
        // Test case 14: zero key, zero IV, one zero block.
        AesGcm gcm(Bytes(32, 0));
        const Bytes sealed = gcm.seal(Bytes(12, 0), Bytes(16, 0), {});
        QCOMPARE(hexOf(sealed), QByteArray("cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919"));
    }

    void argon2idRfc9106Section53()
    {
        const Argon2Params params{32, 3, 4};
        const SecretBytes tag = argon2id(Bytes(32, 0x01), Bytes(16, 0x02), params, 32, Bytes(8, 0x03), Bytes(12, 0x04));
        QCOMPARE(hexOf(tag.view()), QByteArray("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"));
    }

    void argon2ParamsFloor()
    {
        QVERIFY(Argon2Params{}.atLeast(Argon2Params::designMinimum()));
        QVERIFY(!(Argon2Params{32 * 1024, 3, 4}.atLeast(Argon2Params::designMinimum())));
        QVERIFY(!(Argon2Params{64 * 1024, 2, 4}.atLeast(Argon2Params::designMinimum())));
        QVERIFY(!(Argon2Params{64 * 1024, 3, 1}.atLeast(Argon2Params::designMinimum())));
    }

    void secretBytesMoveAndCompare()
    {
        std::string text = "a passphrase";
        SecretBytes secret = SecretBytes::takeString(text);
        QVERIFY(text.empty());
        QCOMPARE(secret.size(), std::size_t(12));
        QVERIFY(secret.equals(asBytes("a passphrase")));
        QVERIFY(!secret.equals(asBytes("a passphrasE")));
        SecretBytes moved = std::move(secret);
        QVERIFY(secret.empty());  // NOLINT(bugprone-use-after-move): the point of the test
        QVERIFY(moved.equals(asBytes("a passphrase")));
    }

    void randomnessAndUuids()
    {
        QVERIFY(randomBytes(32) != randomBytes(32));
        const std::string id = randomUuid();
        QCOMPARE(id.size(), std::size_t(36));
        QCOMPARE(id[14], '4');
        QVERIFY(std::string("89ab").find(id[19]) != std::string::npos);
        QVERIFY(randomUuid() != id);
    }

    void hexRoundTripAndRejects()
    {
        QCOMPARE(QByteArray::fromStdString(toHex(*fromHex("00ff10AB"))), QByteArray("00ff10ab"));
        QVERIFY(!fromHex("abc").has_value());
        QVERIFY(!fromHex("zz").has_value());
    }
};

QTEST_GUILESS_MAIN(TestCryptoVectors)
#include "tst_crypto_vectors.moc"
