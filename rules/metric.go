package rules

import (
	"fmt"
	"strings"
)

// metric is an SLO metric a tier promises per priority. A tier writes each
// metric's targets under the key of its name ("response: {P1: 1h 24x7}"),
// and a rule names the metric it decides (metric:, response by default).
// Adding a metric is adding its name here: parsing, compiling, rule chains
// and table rows follow.
type metric uint8

const (
	response   metric = iota // the initial response: from the case's opening to the first reply
	nextReply                // the next reply: from each unanswered customer message to the agent's reply
	update                   // the periodic update: from the opening, then each agent update, to the next update
	resolution               // the resolution: from the opening to solved, paused while waiting on the customer
	numMetrics               // the number of metrics
)

var metricNames = [numMetrics]string{response: "response", nextReply: "nextReply", update: "update", resolution: "resolution"}

func (m metric) String() string { return metricNames[m] }

// parseMetric reads a metric's name.
func parseMetric(s string) (metric, error) {
	for m, n := range metricNames {
		if n == s {
			return metric(m), nil
		}
	}
	return 0, fmt.Errorf("unknown metric %q (known: %s)", s, strings.Join(metricNames[:], ", "))
}
