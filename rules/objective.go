package rules

import "github.com/tiercel/tiercel/slo"

type targetDef struct {
	target slo.Target
	at     pos // the value, for unknown calendar errors
}

// tableRow names a row of a tier's response table.
func tableRow(tierID string, p slo.Priority) string {
	return "tiers." + tierID + ".response." + p.String()
}

func (t *tier) table() slo.Table {
	tb := make(slo.Table, 4)
	for p := slo.P1; p <= slo.P4; p++ {
		if t.has[p] {
			tb[p] = t.response[p]
		}
	}
	return tb
}
