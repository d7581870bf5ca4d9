package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// metric is an SLO metric a tier promises per priority: an index into the
// catalog's metrics, the built-in rows first. A tier writes each metric's
// targets under the key of its name ("response: {P1: 1h 24x7}"), a rule
// names the metric it decides (metric:, response by default), and Timeline
// runs a clock for each.
type metric uint8

// The built-in metrics, the first rows of every catalog's metrics.
const (
	response    metric = iota // the initial response: from the case's opening to the first reply
	nextReply                 // the next reply: from each unanswered customer message to the agent's reply
	update                    // the periodic update: from the opening, then each agent update, to the next update
	resolution                // the resolution: from the opening to solved, paused while waiting on the customer
	numBuiltins               // the number of built-in metrics
)

// maxMetrics bounds the metrics of a catalog, built-ins included.
const maxMetrics = 64

// metricRow is one metric of the table: its name, its default conditions
// (start, stop, pause, resume, reset) and whether a reopening continues its
// last achieved cycle. Adding a built-in metric is adding its row here:
// parsing, compiling, rule chains, Timeline, the suite's rows and the
// schema's checks follow. A metric a catalog declares under
// lifecycle.metrics is a row whose start and stop the catalog writes and
// whose other conditions default to never.
type metricRow struct {
	name      string
	defaults  [numConds]eventCheck
	continues bool
}

// builtinMetrics is the table of the built-in metrics, in metric order.
var builtinMetrics = [numBuiltins]metricRow{
	response:   {"response", [numConds]eventCheck{isOpening, byAgent, never, notWaiting, never}, false},
	nextReply:  {"nextReply", [numConds]eventCheck{customerWhileOpen, agentOrSolved, never, notWaiting, never}, false},
	update:     {"update", [numConds]eventCheck{updateStarts, agentOrSolved, waiting, notWaiting, never}, false},
	resolution: {"resolution", [numConds]eventCheck{openOrReopened, solved, waiting, notWaiting, never}, true},
}

// declaredDefaults are the defaults of a declared metric: its start and
// stop must be written; it never pauses, resumes or resets unless written.
var declaredDefaults = [numConds]eventCheck{never, never, never, never, never}

// BuiltinMetrics returns the names of the built-in metrics, in the order
// Timeline reports them: response, nextReply, update, resolution. A
// catalog may declare more under lifecycle.metrics (see Engine.Metrics).
func BuiltinMetrics() []string {
	out := make([]string, numBuiltins)
	for i, r := range builtinMetrics {
		out[i] = r.name
	}
	return out
}

// metricSet is the names of a catalog's metrics, by metric: the built-ins,
// then the ones its lifecycle section declares, in written order.
type metricSet []string

// builtinSet is the metrics of a catalog that declares none.
var builtinSet = metricSet(BuiltinMetrics())

// parse reads a metric's name.
func (ms metricSet) parse(s string) (metric, error) {
	if i := slices.Index(ms, s); i >= 0 {
		return metric(i), nil
	}
	return 0, fmt.Errorf("unknown metric %q (known: %s)", s, strings.Join(ms, ", "))
}

// metricNamePattern is what a declared metric's name must look like: a
// key of a tier, such as first_reply_time or agentWork.
var metricNamePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)

// checkMetricName reports why name cannot name a declared metric, or nil.
func checkMetricName(name string) error {
	switch {
	case !metricNamePattern.MatchString(name):
		return fmt.Errorf("invalid metric name %q: use letters, digits and '_', starting with a letter", name)
	case slices.Contains(tierFixedKeys, name):
		return fmt.Errorf("metric %q would clash with the tier key %q", name, name)
	}
	return nil
}
