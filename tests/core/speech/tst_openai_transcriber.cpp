// The openai transcription client against a local server speaking the published wire format
// of /v1/audio/transcriptions (multipart upload, verbose_json): it cannot reach the provider.
#include "test_support.h"

#include "speech/openai_transcriber.h"

#include <httplib.h>

#include <QTest>

#include <cmath>
#include <deque>
#include <mutex>
#include <thread>

using namespace noteward;
using namespace noteward::core;

namespace {
// 3 bursts of "speech" (a modulated tone) separated by 1 s of silence, 16 kHz mono.
speech::SpeechAudio bursts(int count, double burstSeconds)
{
    speech::SpeechAudio audio;
    for (int b = 0; b < count; ++b) {
        for (int i = 0; i < static_cast<int>(burstSeconds * 16000); ++i)
            audio.samples.push_back(static_cast<float>(0.3 * std::sin(2 * M_PI * 220 * i / 16000.0) *
                                                       (0.6 + 0.4 * std::sin(2 * M_PI * 3 * i / 16000.0))));
        audio.samples.insert(audio.samples.end(), 16000, 0.0f);
    }
    return audio;
}

struct Server {
    httplib::Server http;
    std::thread thread;
    int port = 0;
    std::mutex mutex;
    std::deque<std::pair<int, std::string>> script;  // status, body (cut when body == "CUT")
    std::vector<std::pair<std::size_t, std::string>> received;  // file size, model
    std::map<std::string, std::string> headers;

    Server()
    {
        http.Post("/v1/audio/transcriptions", [this](const httplib::Request& req, httplib::Response& res) {
            std::pair<int, std::string> reply{200, ""};
            {
                std::lock_guard lock(mutex);
                received.emplace_back(req.get_file_value("file").content.size(), req.get_file_value("model").content);
                headers["authorization"] = req.get_header_value("Authorization");
                headers["content-type"] = req.get_header_value("Content-Type");
                if (!script.empty()) {
                    reply = script.front();
                    script.pop_front();
                }
            }
            if (reply.second == "CUT") {
                res.set_content_provider(1000, "application/json", [](std::size_t, std::size_t, httplib::DataSink& sink) {
                    sink.write("{\"segm", 6);
                    return false;
                });
                return;
            }
            if (reply.second.empty()) {
                // A model that "hears" one segment per piece, 0.2 s in and lasting 1 s.
                const std::size_t n = received.size();
                reply.second = nlohmann::json{{"task", "transcribe"}, {"language", "english"}, {"text", "piece"},
                                              {"segments", {{{"id", 0}, {"start", 0.2}, {"end", 1.2}, {"text", " piece " + std::to_string(n)}},
                                                            {{"id", 1}, {"start", 1.3}, {"end", 1.9}, {"text", " piece " + std::to_string(n)}}}}}
                                   .dump();
            }
            res.status = reply.first;
            if (reply.first == 429) res.set_header("Retry-After", "1");
            res.set_content(reply.second, "application/json");
        });
        port = http.bind_to_any_port("127.0.0.1");
        thread = std::thread([this] { http.listen_after_bind(); });
        while (!http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~Server()
    {
        http.stop();
        thread.join();
    }
    notes::ProviderConfig config() const
    {
        notes::ProviderConfig c;
        c.baseUrl = "http://127.0.0.1:" + std::to_string(port);
        c.model = "whisper-1";
        c.apiKey = notes::apiKeyFrom("sk-transcribe-test");
        c.maxAttempts = 3;
        c.firstBackoff = std::chrono::milliseconds(20);
        c.timeout = std::chrono::milliseconds(2000);
        return c;
    }
};
}  // namespace

class TestOpenAiTranscriber : public QObject {
    Q_OBJECT
private slots:
    void longAudioIsSplitAtPausesAndStitched()
    {
        Server server;
        const auto audio = bursts(3, 2.0);  // 9 s
        // Pieces of at most ~2.5 s of audio: each burst becomes its own upload.
        speech::OpenAiTranscriber transcriber(server.config(), 44 + 2 * 40000);
        auto transcript = transcriber.transcribe(audio, {});
        QVERIFY2(transcript.ok(), transcript.ok() ? "" : transcript.error().message.c_str());
        QCOMPARE(server.received.size(), std::size_t(3));
        for (const auto& [bytes, model] : server.received) {
            QVERIFY(bytes <= 44 + 2 * 40000);
            QCOMPARE(QString::fromStdString(model), QString("whisper-1"));
        }
        QVERIFY(QString::fromStdString(server.headers["content-type"]).startsWith("multipart/form-data"));
        QCOMPARE(server.headers["authorization"], std::string("Bearer sk-transcribe-test"));
        // The repeated second segment of each piece is dropped; times carry each piece's offset.
        QCOMPARE(transcript->segments.size(), std::size_t(3));
        const auto& third = transcript->segments[2];
        QCOMPARE(third.text, std::string("piece 3"));
        QVERIFY2(std::abs(third.startMs - (6000 - 100 + 200)) <= 60, qPrintable(QString::number(third.startMs)));
        for (std::size_t i = 1; i < transcript->segments.size(); ++i)
            QVERIFY(transcript->segments[i].startMs >= transcript->segments[i - 1].endMs);
    }

    void segmentsInSilenceAreDropped()
    {
        Server server;
        const auto audio = bursts(1, 2.0);  // speech 0–2 s, silence 2–3 s
        server.script.push_back({200, nlohmann::json{{"segments", {{{"start", 0.1}, {"end", 1.5}, {"text", "real words"}},
                                                                   {{"start", 2.2}, {"end", 2.9}, {"text", "thank you for watching"}}}}}
                                          .dump()});
        speech::OpenAiTranscriber transcriber(server.config());
        auto transcript = transcriber.transcribe(audio, {});
        QVERIFY(transcript.ok());
        QCOMPARE(transcript->segments.size(), std::size_t(1));
        QCOMPARE(transcript->segments[0].text, std::string("real words"));
    }

    void retriesThenSucceeds()
    {
        Server server;
        server.script.push_back({429, "{\"error\":{\"message\":\"rate limited\"}}"});
        server.script.push_back({200, "CUT"});
        auto transcript = speech::OpenAiTranscriber(server.config()).transcribe(bursts(1, 2.0), {});
        QVERIFY2(transcript.ok(), transcript.ok() ? "" : transcript.error().message.c_str());
        QCOMPARE(server.received.size(), std::size_t(3));
    }

    void refusalsAndOutagesAreClearErrors()
    {
        {
            Server server;
            server.script.push_back({401, "{\"error\":{\"message\":\"Incorrect API key\"}}"});
            auto t = speech::OpenAiTranscriber(server.config()).transcribe(bursts(1, 2.0), {});
            QCOMPARE(t.error().code, ErrorCode::Refused);
            QVERIFY(t.error().message.find("sk-transcribe") == std::string::npos);
        }
        {
            Server server;
            for (int i = 0; i < 3; ++i) server.script.push_back({200, "CUT"});
            auto t = speech::OpenAiTranscriber(server.config()).transcribe(bursts(1, 2.0), {});
            QCOMPARE(t.error().code, ErrorCode::Unavailable);
            QVERIFY(QString::fromStdString(t.error().message).contains("cut the connection"));
        }
        {
            Server server;
            server.script.push_back({200, "<html>not json</html>"});
            auto t = speech::OpenAiTranscriber(server.config()).transcribe(bursts(1, 2.0), {});
            QCOMPARE(t.error().code, ErrorCode::Unavailable);
        }
    }

    void cancellationBetweenPieces()
    {
        Server server;
        std::atomic<bool> cancel{false};
        speech::TranscribeControl control;
        control.cancel = &cancel;
        control.progress = [&](double) { cancel = true; };
        auto t = speech::OpenAiTranscriber(server.config(), 44 + 2 * 40000).transcribe(bursts(3, 2.0), control);
        QVERIFY(!t.ok());
        QVERIFY(speech::isCancelled(t.error()));
        QCOMPARE(server.received.size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestOpenAiTranscriber)
#include "tst_openai_transcriber.moc"
