<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="12"/>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="13"/>
        <source>Week review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="14"/>
        <source>Homework review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="15"/>
        <source>Activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="16"/>
        <source>Risk issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="17"/>
        <source>Homework given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="18"/>
        <source>Next steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="26"/>
        <source>Suicidal ideation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="27"/>
        <source>Self-harm threats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="28"/>
        <source>Non-compliance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="29"/>
        <source>Avoidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="30"/>
        <source>Rumination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="31"/>
        <source>Hopelessness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="32"/>
        <source>Alliance rupture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="40"/>
        <source>Present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="41"/>
        <source>Denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="42"/>
        <source>Historical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="50"/>
        <source>Ideation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="51"/>
        <source>Intent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="52"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="53"/>
        <source>Means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="54"/>
        <source>Timeframe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="55"/>
        <source>Preparation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/vocabulary_labels.cpp" line="56"/>
        <source>Protective factors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noteward::ui</name>
    <message>
        <location filename="../ui/sign_gate_text.cpp" line="12"/>
        <source>The note is signed; add an addendum to correct it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sign_gate_text.cpp" line="13"/>
        <source>There is no transcript yet: record and transcribe the session, or import one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sign_gate_text.cpp" line="14"/>
        <source>There is no draft yet: draft the note from the transcript.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sign_gate_text.cpp" line="19"/>
        <source>%1 has no decision: confirm it, or dismiss it with a reason.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noteward::ui::ClientDialog</name>
    <message>
        <location filename="../ui/client_dialog.cpp" line="24"/>
        <source>New client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_dialog.cpp" line="25"/>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_dialog.cpp" line="26"/>
        <source>e.g. 943 476 5919</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_dialog.cpp" line="37"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_dialog.cpp" line="38"/>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_dialog.cpp" line="39"/>
        <source>NHS number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_dialog.cpp" line="40"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_dialog.cpp" line="41"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_dialog.cpp" line="42"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_dialog.cpp" line="45"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_dialog.cpp" line="46"/>
        <source>&amp;Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_dialog.cpp" line="47"/>
        <source>NH&amp;S number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_dialog.cpp" line="48"/>
        <source>&amp;E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_dialog.cpp" line="49"/>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_dialog.cpp" line="50"/>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noteward::ui::ClientPage</name>
    <message>
        <location filename="../ui/client_page.cpp" line="29"/>
        <source>Born %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_page.cpp" line="30"/>
        <source>NHS number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_page.cpp" line="45"/>
        <source>New &amp;session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_page.cpp" line="46"/>
        <source>&amp;Open session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_page.cpp" line="57"/>
        <source>← &amp;Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_page.cpp" line="60"/>
        <source>Back to clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_page.cpp" line="64"/>
        <source>Sessions, newest first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noteward::ui::ClientTableModel</name>
    <message>
        <location filename="../ui/client_table_model.cpp" line="18"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_table_model.cpp" line="19"/>
        <source>Discharged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_table_model.cpp" line="20"/>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_table_model.cpp" line="64"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_table_model.cpp" line="65"/>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_table_model.cpp" line="66"/>
        <source>NHS number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/client_table_model.cpp" line="67"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noteward::ui::ClientsPage</name>
    <message>
        <location filename="../ui/clients_page.cpp" line="31"/>
        <source>&amp;New client…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/clients_page.cpp" line="32"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/clients_page.cpp" line="38"/>
        <source>Search clients by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/clients_page.cpp" line="40"/>
        <source>Search clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/clients_page.cpp" line="41"/>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/clients_page.cpp" line="49"/>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/clients_page.cpp" line="63"/>
        <source>New client (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noteward::ui::LevelMeter</name>
    <message>
        <location filename="../ui/level_meter.cpp" line="30"/>
        <source>Input level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/level_meter.cpp" line="44"/>
        <source>Silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/level_meter.cpp" line="44"/>
        <source>Peak %1 dB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noteward::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="43"/>
        <source>Noteward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="52"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="53"/>
        <source>&amp;New client…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="58"/>
        <source>&amp;Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="60"/>
        <source>&amp;Auto-lock after…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="61"/>
        <source>Enrol my &amp;voice…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="63"/>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="67"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="145"/>
        <source>Auto-lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="146"/>
        <source>Lock Noteward after this many minutes without use:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="233"/>
        <source>A recording is in progress, but the microphone has stopped delivering audio. What was recorded so far is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="235"/>
        <source>A recording is in progress and continues while Noteward is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="227"/>
        <source>%1 · vault %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="228"/>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="229"/>
        <source>● Recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="237"/>
        <source>The recording stopped early: %1 What was recorded is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="244"/>
        <source>Recording in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="245"/>
        <source>A session is being recorded. Stop the recording and quit? What was recorded is kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noteward::ui::MessageBanner</name>
    <message>
        <location filename="../ui/message_banner.cpp" line="23"/>
        <source>Error: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/message_banner.cpp" line="23"/>
        <source>Warning: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noteward::ui::NoteEditor</name>
    <message>
        <location filename="../ui/note_editor.cpp" line="27"/>
        <source>last note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/note_editor.cpp" line="34"/>
        <source>yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/note_editor.cpp" line="35"/>
        <source>suggestion from the last note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/note_editor.cpp" line="36"/>
        <source>from the transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/note_editor.cpp" line="45"/>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/note_editor.cpp" line="46"/>
        <source>De&amp;lete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/note_editor.cpp" line="49"/>
        <source>Acc&amp;ept suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/note_editor.cpp" line="47"/>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/note_editor.cpp" line="48"/>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/note_editor.cpp" line="50"/>
        <source>Play sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/note_editor.cpp" line="51"/>
        <source>Show re&amp;jected candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/note_editor.cpp" line="55"/>
        <source>&lt;b&gt;Note&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/note_editor.cpp" line="57"/>
        <source>Note sections and statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/note_editor.cpp" line="58"/>
        <source>F2 edits a statement, Insert adds one, Delete removes it, Alt+Up and Alt+Down reorder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/note_editor.cpp" line="61"/>
        <source>Statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/note_editor.cpp" line="61"/>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/note_editor.cpp" line="114"/>
        <source>Rejected candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/note_editor.cpp" line="172"/>
        <source>%1 — %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/note_editor.cpp" line="173"/>
        <source>Show re&amp;jected candidates (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/note_editor.cpp" line="197"/>
        <source>written by the rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/note_editor.cpp" line="201"/>
        <source>cites %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/note_editor.cpp" line="201"/>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/note_editor.cpp" line="219"/>
        <source>Not discussed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noteward::ui::RecordPanel</name>
    <message>
        <location filename="../ui/record_panel.cpp" line="39"/>
        <location filename="../ui/record_panel.cpp" line="178"/>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/record_panel.cpp" line="38"/>
        <location filename="../ui/record_panel.cpp" line="176"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/record_panel.cpp" line="40"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/record_panel.cpp" line="45"/>
        <source>Client consent to recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/record_panel.cpp" line="48"/>
        <source>Input device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/record_panel.cpp" line="49"/>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/record_panel.cpp" line="50"/>
        <source>&amp;Microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/record_panel.cpp" line="52"/>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/record_panel.cpp" line="54"/>
        <source>Recorded time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/record_panel.cpp" line="78"/>
        <source>The microphone has stopped delivering audio. Check that it is connected; what was recorded so far is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/record_panel.cpp" line="114"/>
        <source>Client consents to &amp;being recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/record_panel.cpp" line="161"/>
        <source>Confirm the client&apos;s consent before recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/record_panel.cpp" line="176"/>
        <source>Recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/record_panel.cpp" line="178"/>
        <source>Res&amp;ume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/record_panel.cpp" line="180"/>
        <source>This session has a recording; recording again adds a new one, which needs consent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/record_panel.cpp" line="183"/>
        <source>Another session is being recorded; stop it before recording this one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noteward::ui::RiskPanel</name>
    <message>
        <location filename="../ui/risk_panel.cpp" line="27"/>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="28"/>
        <source>Dismissed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="29"/>
        <source>Set by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="45"/>
        <source>&amp;Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="46"/>
        <source>&amp;Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="48"/>
        <source>Set asse&amp;ssment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="52"/>
        <source>&lt;b&gt;Risk&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="54"/>
        <source>Risk categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="56"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="56"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="56"/>
        <source>Your decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="65"/>
        <location filename="../ui/risk_panel.cpp" line="152"/>
        <source>Not assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="84"/>
        <source>Reason or note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="85"/>
        <source>Reason (needed to dismiss, or for a conflicting flag)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="89"/>
        <source>Your assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="100"/>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="156"/>
        <source> — conflicting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="169"/>
        <source>needs your decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="170"/>
        <source>Needs your decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="199"/>
        <source>Signed: the risk decisions are part of the signed note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="200"/>
        <source>Every risk flag has your decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="201"/>
        <source>Signing is blocked until every flag has your decision:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="230"/>
        <source>The client both disclosed and denied this. Write how you resolved it, then confirm or dismiss.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="231"/>
        <source>Confirm the flag, or dismiss it with a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/risk_panel.cpp" line="232"/>
        <source>Not assessed by the draft. If you assessed it yourself, choose the status and write what it rests on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noteward::ui::SessionTableModel</name>
    <message>
        <location filename="../ui/session_table_model.cpp" line="37"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session_table_model.cpp" line="40"/>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session_table_model.cpp" line="41"/>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session_table_model.cpp" line="42"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session_table_model.cpp" line="43"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session_table_model.cpp" line="53"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session_table_model.cpp" line="54"/>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session_table_model.cpp" line="55"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noteward::ui::SessionWorkspace</name>
    <message>
        <location filename="../ui/session_workspace.cpp" line="62"/>
        <source>← Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session_workspace.cpp" line="64"/>
        <source>Back to the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session_workspace.cpp" line="158"/>
        <source>This was your first signature, so Noteward made your signing key. Its fingerprint is %1. Write it down or print it and keep it away from this computer: the verified badge shows the fingerprint of the key in the vault, and if they ever differ, the key was replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session_workspace.cpp" line="244"/>
        <source>%1 — session of %2 — signed %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session_workspace.cpp" line="247"/>
        <source>%1 — session of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session_workspace.cpp" line="286"/>
        <source>Key %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session_workspace.cpp" line="295"/>
        <source>Transcribe again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session_workspace.cpp" line="296"/>
        <source>Transcribe this session again? The transcript, your corrections and the current draft with its risk decisions are replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session_workspace.cpp" line="306"/>
        <location filename="../ui/session_workspace.cpp" line="309"/>
        <source>Transcribing on this device…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session_workspace.cpp" line="324"/>
        <source>Transcription cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session_workspace.cpp" line="336"/>
        <source>Draft again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session_workspace.cpp" line="337"/>
        <source>Draft the note again? Your edits and the risk decisions on the current draft are replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/session_workspace.cpp" line="343"/>
        <source>Drafting the note…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noteward::ui::SignOffPanel</name>
    <message>
        <location filename="../ui/sign_off_panel.cpp" line="25"/>
        <source>No draft yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sign_off_panel.cpp" line="39"/>
        <location filename="../ui/sign_off_panel.cpp" line="42"/>
        <source>not decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sign_off_panel.cpp" line="40"/>
        <source>confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sign_off_panel.cpp" line="41"/>
        <source>dismissed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sign_off_panel.cpp" line="50"/>
        <source>your assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sign_off_panel.cpp" line="51"/>
        <source>%1 of 7 sections discussed, %2 statements (%3 written or edited by you). Engine: %4. Risk: %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sign_off_panel.cpp" line="56"/>
        <source>no flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sign_off_panel.cpp" line="66"/>
        <source>Sign note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sign_off_panel.cpp" line="70"/>
        <source>Add adde&amp;ndum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sign_off_panel.cpp" line="115"/>
        <source>Passphrase to si&amp;gn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sign_off_panel.cpp" line="83"/>
        <source>Passphrase to sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sign_off_panel.cpp" line="84"/>
        <source>Your passphrase, to sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sign_off_panel.cpp" line="89"/>
        <source>Signed addenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sign_off_panel.cpp" line="92"/>
        <source>New addendum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sign_off_panel.cpp" line="93"/>
        <source>A correction or later information; it is signed and added beneath the note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sign_off_panel.cpp" line="114"/>
        <source>&lt;b&gt;Sign-off&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sign_off_panel.cpp" line="129"/>
        <source>Addenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sign_off_panel.cpp" line="158"/>
        <source>Ready to sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sign_off_panel.cpp" line="159"/>
        <source>Signing is not possible yet:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/sign_off_panel.cpp" line="162"/>
        <source>I reviewed the %n segment(s) that have no speaker myself</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/sign_off_panel.cpp" line="170"/>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sign_off_panel.cpp" line="179"/>
        <source>✔ Verified: signature, hash and addenda chain check out. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/sign_off_panel.cpp" line="180"/>
        <source>✘ Verification failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noteward::ui::TranscriptModel</name>
    <message>
        <location filename="../ui/transcript_model.cpp" line="22"/>
        <source>Therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_model.cpp" line="23"/>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_model.cpp" line="24"/>
        <source>Speaker 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_model.cpp" line="25"/>
        <source>Speaker 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_model.cpp" line="26"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_model.cpp" line="104"/>
        <source>Corrected. Machine original: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_model.cpp" line="156"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_model.cpp" line="157"/>
        <source>Speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_model.cpp" line="158"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_model.cpp" line="159"/>
        <source>Machine original</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noteward::ui::TranscriptPanel</name>
    <message>
        <location filename="../ui/transcript_panel.cpp" line="29"/>
        <source>Speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_panel.cpp" line="68"/>
        <location filename="../ui/transcript_panel.cpp" line="192"/>
        <source>Transcribe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_panel.cpp" line="69"/>
        <source>Draft note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_panel.cpp" line="70"/>
        <location filename="../ui/transcript_panel.cpp" line="223"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_panel.cpp" line="71"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_panel.cpp" line="72"/>
        <source>Show machine &amp;original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_panel.cpp" line="78"/>
        <source>Speaker 1 is me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_panel.cpp" line="79"/>
        <source>Speaker 2 is me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_panel.cpp" line="82"/>
        <source>&lt;b&gt;Transcript&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_panel.cpp" line="84"/>
        <source>Transcript segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_panel.cpp" line="85"/>
        <source>Enter plays from the segment; F2 edits its text; Control+1, 2 and 0 set therapist, client or unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_panel.cpp" line="112"/>
        <source>Set speaker: therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_panel.cpp" line="113"/>
        <source>Set speaker: client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_panel.cpp" line="114"/>
        <source>Set speaker: unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_panel.cpp" line="134"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_panel.cpp" line="140"/>
        <source>The on-device transcriber is small: on test speech about three words in four are wrong. Use the transcript as an index into the recording, and correct what the note relies on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_panel.cpp" line="143"/>
        <source>Two voices were heard and marked Speaker 1 (who spoke first) and Speaker 2. Which one is you? Play a segment to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_panel.cpp" line="150"/>
        <source>Speaker 1&apos;s segments become yours (therapist), Speaker 2&apos;s the client&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_panel.cpp" line="151"/>
        <source>Speaker 2&apos;s segments become yours (therapist), Speaker 1&apos;s the client&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_panel.cpp" line="192"/>
        <source>Transcribe again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/transcript_panel.cpp" line="223"/>
        <source>Stop playing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noteward::ui::UnlockPage</name>
    <message>
        <location filename="../ui/unlock_page.cpp" line="32"/>
        <source>Your &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/unlock_page.cpp" line="35"/>
        <source>&amp;Repeat it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/unlock_page.cpp" line="48"/>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/unlock_page.cpp" line="52"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/unlock_page.cpp" line="55"/>
        <source>Repeat passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/unlock_page.cpp" line="63"/>
        <source>Opening the vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/unlock_page.cpp" line="74"/>
        <source>&amp;Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/unlock_page.cpp" line="102"/>
        <source>Create your vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/unlock_page.cpp" line="102"/>
        <source>Noteward is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/unlock_page.cpp" line="102"/>
        <source>Unlock Noteward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/unlock_page.cpp" line="103"/>
        <source>Your notes are kept in an encrypted vault on this computer. Choose a passphrase of at least %1 characters; it cannot be recovered if lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/unlock_page.cpp" line="106"/>
        <source>Enter your passphrase to open the vault.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/unlock_page.cpp" line="110"/>
        <source>&amp;Create vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/unlock_page.cpp" line="110"/>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/unlock_page.cpp" line="137"/>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>noteward::ui::VoiceEnrollDialog</name>
    <message>
        <location filename="../ui/voice_enroll_dialog.cpp" line="35"/>
        <source>&amp;Start reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/voice_enroll_dialog.cpp" line="36"/>
        <source>&amp;Delete my voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/voice_enroll_dialog.cpp" line="42"/>
        <source>Enrol your voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/voice_enroll_dialog.cpp" line="43"/>
        <source>Noteward tells you apart from your client by your voice. Read the passage below aloud at your usual pace, in the room you work in, for %1 seconds. Only a model of your voice is kept, encrypted in your vault; the recording itself is never stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/voice_enroll_dialog.cpp" line="56"/>
        <source>Microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/voice_enroll_dialog.cpp" line="57"/>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/voice_enroll_dialog.cpp" line="59"/>
        <source>Reading progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/voice_enroll_dialog.cpp" line="61"/>
        <source>Input level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/voice_enroll_dialog.cpp" line="67"/>
        <source>&amp;Microphone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/voice_enroll_dialog.cpp" line="70"/>
        <source>Level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/voice_enroll_dialog.cpp" line="71"/>
        <source>Progress:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/voice_enroll_dialog.cpp" line="117"/>
        <source>Your voice is enrolled: transcripts label therapist and client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/voice_enroll_dialog.cpp" line="118"/>
        <source>No voice is enrolled yet: transcripts mark Speaker 1 and Speaker 2, and you say which is you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/voice_enroll_dialog.cpp" line="188"/>
        <source>Done: your voice is enrolled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/voice_enroll_dialog.cpp" line="204"/>
        <source>Your voice model was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
