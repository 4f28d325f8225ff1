#include "sign_off_panel.h"

#include "message_banner.h"
#include "sign_gate_text.h"
#include "qt_text.h"
#include "session_table_model.h"
#include "vocabulary_labels.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace noteward::ui {

using namespace core::notes;

namespace {
QString summaryOf(const core::app::SessionRecord& record)
{
    if (!record.draft) return SignOffPanel::tr("No draft yet.");
    const auto& d = *record.draft;
    int discussed = 0, statements = 0, yours = 0;
    for (const auto& section : d.sections) {
        if (!section) continue;
        ++discussed;
        for (const auto& st : *section) {
            ++statements;
            if (st.origin == Origin::Therapist) ++yours;
        }
    }
    QStringList risks;
    for (const auto& flag : d.risks) {
        const auto* review = record.review(flag.category);
        const QString decision = !review                          ? SignOffPanel::tr("not decided")
                                 : review->decision == "confirmed" ? SignOffPanel::tr("confirmed")
                                 : review->decision == "dismissed" ? SignOffPanel::tr("dismissed")
                                                                   : SignOffPanel::tr("not decided");
        risks << QStringLiteral("%1 %2 (%3)").arg(riskTitle(flag.category), riskStatusLabel(flag.status).toLower(), decision);
    }
    for (const auto& review : record.reviews)
        if (review.decision.rfind("assessed:", 0) == 0)
            if (auto c = riskCategoryFromKey(review.category))
                if (auto status = riskStatusFromKey(review.decision.substr(9)))
                    risks << QStringLiteral("%1 %2 (%3)").arg(riskTitle(*c), riskStatusLabel(*status).toLower(),
                                                              SignOffPanel::tr("your assessment"));
    return SignOffPanel::tr("%1 of 7 sections discussed, %2 statements (%3 written or edited by you). Engine: %4. "
                            "Risk: %5.")
        .arg(discussed)
        .arg(statements)
        .arg(yours)
        .arg(toQt(d.engine), risks.isEmpty() ? SignOffPanel::tr("no flags") : risks.join(QStringLiteral("; ")));
}
}  // namespace

SignOffPanel::SignOffPanel(QWidget* parent)
    : QWidget(parent),
      m_summary(new QLabel(this)),
      m_blockers(new QLabel(this)),
      m_speakers(new QCheckBox(this)),
      m_passphrase(new QLineEdit(this)),
      m_sign(new QPushButton(tr("Sign note"), this)),
      m_badge(new QLabel(this)),
      m_addenda(new QListWidget(this)),
      m_addendum(new QPlainTextEdit(this)),
      m_addAddendum(new QPushButton(tr("Add adde&ndum"), this)),
      m_error(new MessageBanner(this)),
      m_before(new QWidget(this)),
      m_after(new QWidget(this))
{
    setObjectName(QStringLiteral("signOffPanel"));
    m_summary->setObjectName(QStringLiteral("signSummary"));
    m_summary->setWordWrap(true);
    m_blockers->setObjectName(QStringLiteral("signBlockers"));
    m_blockers->setWordWrap(true);
    m_speakers->setObjectName(QStringLiteral("speakersReviewed"));
    m_passphrase->setObjectName(QStringLiteral("signPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAccessibleName(tr("Passphrase to sign"));
    m_passphrase->setPlaceholderText(tr("Your passphrase, to sign"));
    m_sign->setObjectName(QStringLiteral("signButton"));
    m_badge->setObjectName(QStringLiteral("verifiedBadge"));
    m_badge->setWordWrap(true);
    m_addenda->setObjectName(QStringLiteral("addendaList"));
    m_addenda->setAccessibleName(tr("Signed addenda"));
    m_addenda->setWordWrap(true);
    m_addendum->setObjectName(QStringLiteral("addendumText"));
    m_addendum->setAccessibleName(tr("New addendum"));
    m_addendum->setPlaceholderText(tr("A correction or later information; it is signed and added beneath the note."));
    m_addendum->setTabChangesFocus(true);
    m_addendum->setMaximumHeight(80);
    m_addAddendum->setObjectName(QStringLiteral("addAddendumButton"));
    m_error->setObjectName(QStringLiteral("signError"));

    connect(m_passphrase, &QLineEdit::textChanged, this, &SignOffPanel::updateSignButton);
    connect(m_speakers, &QCheckBox::toggled, this, &SignOffPanel::updateSignButton);
    connect(m_passphrase, &QLineEdit::returnPressed, m_sign, &QPushButton::click);
    connect(m_sign, &QPushButton::clicked, this, [this] {
        if (!signEnabled()) return;
        std::string text = toStd(m_passphrase->text());
        m_passphrase->clear();
        emit signRequested(std::make_shared<core::crypto::SecretBytes>(core::crypto::SecretBytes::takeString(text)),
                           m_speakers->isChecked());
    });
    connect(m_addAddendum, &QPushButton::clicked, this, [this] {
        const QString text = m_addendum->toPlainText().trimmed();
        if (!text.isEmpty()) emit addendumRequested(text);
    });

    auto* title = new QLabel(tr("<b>Sign-off</b>"), this);
    auto* passLabel = new QLabel(tr("Passphrase to si&gn"), this);
    passLabel->setBuddy(m_passphrase);
    auto* before = new QVBoxLayout(m_before);
    before->setContentsMargins(0, 0, 0, 0);
    before->addWidget(m_blockers);
    before->addWidget(m_speakers);
    auto* signRow = new QHBoxLayout;
    signRow->addWidget(passLabel);
    signRow->addWidget(m_passphrase, 1);
    signRow->addWidget(m_sign);
    before->addLayout(signRow);
    auto* after = new QVBoxLayout(m_after);
    after->setContentsMargins(0, 0, 0, 0);
    after->addWidget(m_badge);
    after->addWidget(new QLabel(tr("Addenda"), this));
    after->addWidget(m_addenda, 1);
    after->addWidget(m_addendum);
    after->addWidget(m_addAddendum, 0, Qt::AlignRight);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addWidget(m_before);
    layout->addWidget(m_after, 1);
    m_after->hide();
    updateSignButton();
}

void SignOffPanel::setRecord(const core::app::SessionRecord& record)
{
    // Nothing typed or ticked for one session carries over to another (or past a lock).
    if (record.session.id != m_sessionId) {
        m_sessionId = record.session.id;
        m_speakers->setChecked(false);
        m_passphrase->clear();
        m_addendum->clear();
        m_addenda->clear();
        m_badge->clear();
        m_error->clearMessage();
    }
    m_summary->setText(summaryOf(record));
    m_gateOpen = core::app::signBlockers(record).empty();
    m_blockers->setText(m_gateOpen ? tr("Ready to sign.")
                                   : tr("Signing is not possible yet:\n%1").arg(gateLines(record).join(QLatin1Char('\n'))));
    m_needsSpeakers = core::app::needsSpeakerConfirmation(record);
    m_speakers->setVisible(m_needsSpeakers);
    m_speakers->setText(tr("I reviewed the %n segment(s) that have no speaker myself", nullptr,
                           static_cast<int>(record.unlabelledSegments())));
    m_before->setVisible(!record.signedNote);
    m_after->setVisible(record.signedNote.has_value());
    if (record.signedNote) {
        m_addenda->clear();
        for (const auto& a : record.addenda) {
            const auto text = nlohmann::json::parse(a.canonical, nullptr, false);
            m_addenda->addItem(tr("%1 · %2").arg(localDateTime(a.signedAt),
                                                  text.is_object() ? toQt(text.value("text", std::string())) : QString()));
        }
    }
    updateSignButton();
}

void SignOffPanel::setVerification(bool ok, const QString& detail)
{
    m_badge->setText(ok ? tr("✔ Verified: signature, hash and addenda chain check out. %1").arg(detail)
                        : tr("✘ Verification failed: %1").arg(detail));
    m_badge->setAccessibleName(m_badge->text());
    m_badge->setProperty("verified", ok);
}

void SignOffPanel::showError(const QString& message)
{
    if (message.isEmpty()) m_error->clearMessage();
    else m_error->showMessage(message);
}

void SignOffPanel::setBusy(bool busy)
{
    m_busy = busy;
    m_addAddendum->setEnabled(!busy);
    updateSignButton();
}

void SignOffPanel::clearAddendum() { m_addendum->clear(); }

bool SignOffPanel::signEnabled() const
{
    return m_gateOpen && !m_busy && !m_passphrase->text().isEmpty() && (!m_needsSpeakers || m_speakers->isChecked());
}

void SignOffPanel::updateSignButton()
{
    m_sign->setEnabled(signEnabled());
    m_passphrase->setEnabled(m_gateOpen && !m_busy);
}

}  // namespace noteward::ui
