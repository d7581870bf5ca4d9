package rules

import (
	"fmt"
	"strings"
	"time"

	"github.com/tiercel/tiercel/slo"
)

// keepsTargets reports whether no response target gets worse or goes away.
func keepsTargets(changes []slo.Change) bool {
	for _, ch := range changes {
		if ch.Kind == slo.Degraded || ch.Kind == slo.Removed {
			return false
		}
	}
	return true
}

// describeChanges reads like "keeps every response target and improves P1"
// or "degrades P1 from 1h looker-24x5 to 4h business".
func describeChanges(changes []slo.Change) string {
	var worse, better []string
	for _, ch := range changes {
		switch ch.Kind {
		case slo.Degraded:
			worse = append(worse, fmt.Sprintf("degrades %s from %s to %s", ch.Priority, ch.From, ch.To))
		case slo.Removed:
			worse = append(worse, fmt.Sprintf("drops %s (%s)", ch.Priority, ch.From))
		case slo.Improved, slo.Added:
			better = append(better, ch.Priority.String())
		}
	}
	if len(worse) > 0 {
		return joinAnd(worse)
	}
	if len(better) > 0 {
		return "keeps every response target and improves " + joinAnd(better)
	}
	return "keeps every response target"
}

// joinAnd joins "a", "b" and "c" as "a, b and c".
func joinAnd(s []string) string {
	if len(s) <= 1 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// whenText formats an instant as a date when it is midnight in its location, in
// RFC 3339 otherwise.
func whenText(t time.Time) string {
	h, m, s := t.Clock()
	if h == 0 && m == 0 && s == 0 && t.Nanosecond() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}
