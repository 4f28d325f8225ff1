#include "server/server_metrics.h"

namespace noteward::sync::server {

ServerMetrics::ServerMetrics() : m_start(std::chrono::steady_clock::now()) {}

void ServerMetrics::finished(int status, std::chrono::microseconds took, bool wasInFlight)
{
    if (wasInFlight) --m_inFlight;
    const int cls = status >= 100 && status < 600 ? status / 100 : 0;
    ++m_byClass[static_cast<std::size_t>(cls)];
    m_microseconds += static_cast<std::uint64_t>(took.count());
}

std::string ServerMetrics::render() const
{
    std::string out;
    out += "# HELP noteward_requests_total Requests answered, by status class.\n";
    out += "# TYPE noteward_requests_total counter\n";
    for (std::size_t cls = 1; cls < m_byClass.size(); ++cls) {
        out += "noteward_requests_total{class=\"" + std::to_string(cls) + "xx\"} " + std::to_string(m_byClass[cls].load()) + "\n";
    }
    out += "# HELP noteward_request_seconds_total Time spent answering requests.\n";
    out += "# TYPE noteward_request_seconds_total counter\n";
    out += "noteward_request_seconds_total " + std::to_string(static_cast<double>(m_microseconds.load()) / 1e6) + "\n";
    out += "# HELP noteward_requests_in_flight Requests being answered now.\n";
    out += "# TYPE noteward_requests_in_flight gauge\n";
    // This scrape itself is in flight.
    out += "noteward_requests_in_flight " + std::to_string(m_inFlight.load()) + "\n";
    out += "# HELP noteward_uptime_seconds Seconds since the server started.\n";
    out += "# TYPE noteward_uptime_seconds gauge\n";
    out += "noteward_uptime_seconds " +
           std::to_string(std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - m_start).count()) +
           "\n";
    return out;
}

}  // namespace noteward::sync::server
