// Any change to what AES-GCM authenticates must make decryption fail, never yield bytes.
#include "crypto/aes_gcm.h"
#include "crypto/random.h"

#include <QTest>

using namespace noteward::core;
using namespace noteward::core::crypto;

namespace {
Bytes bytesOf(const char* text)
{
    const ByteView view = asBytes(text);
    return Bytes(view.begin(), view.end());
}
}  // namespace

class TestAesGcmTamper : public QObject {
    Q_OBJECT
private slots:
    void roundTrip()
    {
        AesGcm gcm(randomSecret(32).view());
        const Bytes message = randomBytes(1000);
        const Bytes box = gcm.sealWithRandomNonce(message, asBytes("header"));
        const auto opened = gcm.openWithNonce(box, asBytes("header"));
        QVERIFY(opened.has_value());
        QVERIFY(opened->equals(message));
        // A fresh nonce each time: the same message never gives the same box.
        QVERIFY(gcm.sealWithRandomNonce(message, {}) != gcm.sealWithRandomNonce(message, {}));
    }

    void everyFlippedByteOfCiphertextAndTagFails()
    {
        AesGcm gcm(randomSecret(32).view());
        const Bytes nonce = randomBytes(kGcmNonceSize);
        const Bytes aad = bytesOf("practice|client|object|v1");
        const Bytes sealed = gcm.seal(nonce, randomBytes(64), aad);
        QVERIFY(gcm.open(nonce, sealed, aad).has_value());
        for (std::size_t i = 0; i < sealed.size(); ++i) {
            Bytes tampered = sealed;
            tampered[i] ^= 0x01;
            QVERIFY2(!gcm.open(nonce, tampered, aad).has_value(), qPrintable(QString("byte %1").arg(i)));
        }
    }

    void everyFlippedByteOfAssociatedDataFails()
    {
        AesGcm gcm(randomSecret(32).view());
        const Bytes nonce = randomBytes(kGcmNonceSize);
        const Bytes aad = bytesOf("practice|client|object|v1");
        const Bytes sealed = gcm.seal(nonce, randomBytes(64), aad);
        for (std::size_t i = 0; i < aad.size(); ++i) {
            Bytes tampered = aad;
            tampered[i] ^= 0x80;
            QVERIFY(!gcm.open(nonce, sealed, tampered).has_value());
        }
        QVERIFY(!gcm.open(nonce, sealed, {}).has_value());
    }

    void wrongNonceKeyOrLengthFails()
    {
        const SecretBytes key = randomSecret(32);
        AesGcm gcm(key.view());
        const Bytes nonce = randomBytes(kGcmNonceSize);
        const Bytes sealed = gcm.seal(nonce, randomBytes(64), {});
        Bytes otherNonce = nonce;
        otherNonce[0] ^= 1;
        QVERIFY(!gcm.open(otherNonce, sealed, {}).has_value());
        AesGcm otherKey(randomSecret(32).view());
        QVERIFY(!otherKey.open(nonce, sealed, {}).has_value());
        QVERIFY(!gcm.open(nonce, ByteView(sealed).first(sealed.size() - 1), {}).has_value());
        QVERIFY(!gcm.open(nonce, ByteView(sealed).first(8), {}).has_value());
        QVERIFY(!gcm.openWithNonce(Bytes(10, 0), {}).has_value());
    }

    void rejectsBadKeyAndNonceSizes()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, AesGcm(Bytes(16, 0)));
        AesGcm gcm(Bytes(32, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, gcm.seal(Bytes(8, 0), {}, {}));
    }
};

QTEST_GUILESS_MAIN(TestAesGcmTamper)
#include "tst_aes_gcm_tamper.moc"
