package suite

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tiercel/tiercel/slo"
)

func TestChecksChanges(t *testing.T) {
	kind := func(k slo.ChangeKind) *slo.ChangeKind { return &k }
	parse := func(s string) slo.Target {
		tg, err := slo.ParseTarget(s)
		require.NoError(t, err)
		return tg
	}
	target := func(s string) *slo.Target { tg := parse(s); return &tg }
	got := []slo.Change{
		{Priority: slo.P1, From: parse("1h 24x7"), To: parse("4h business"), Kind: slo.Degraded},
		{Priority: slo.P2, From: parse("4h 24x7"), To: parse("4h business"), Kind: slo.Unchanged},
	}
	tests := []struct {
		name string
		cw   changesWant
		want []Mismatch
	}{
		{"mapping matches", changesWant{items: []changeWant{{p: slo.P1, kind: kind(slo.Degraded)}}}, nil},
		{"mapping wrong kind", changesWant{items: []changeWant{{p: slo.P1, kind: kind(slo.Improved)}}},
			[]Mismatch{{Field: "changes.P1", Want: "improved", Got: "degraded"}}},
		{"mapping wrong from and to", changesWant{items: []changeWant{{p: slo.P2, from: target("1h 24x7"), to: target("4h business")}}},
			[]Mismatch{{Field: "changes.P2.from", Want: "1h 24x7", Got: "4h 24x7"}}},
		{"priority neither tier has", changesWant{items: []changeWant{{p: slo.P4, kind: kind(slo.Added)}}},
			[]Mismatch{{Field: "changes.P4", Want: "a change", Got: "none: neither tier has a target for P4"}}},
		{"list matches", changesWant{exact: true, items: []changeWant{{p: slo.P1}, {p: slo.P2, kind: kind(slo.Unchanged)}}}, nil},
		{"list misses a priority", changesWant{exact: true, items: []changeWant{{p: slo.P1}}},
			[]Mismatch{{Field: "changes.priorities", Want: "[P1]", Got: "[P1, P2]"}}},
		{"list in another order", changesWant{exact: true, items: []changeWant{{p: slo.P2}, {p: slo.P1}}},
			[]Mismatch{{Field: "changes.priorities", Want: "[P2, P1]", Got: "[P1, P2]"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, []Mismatch(checks(nil).changes("changes", tt.cw, got)))
		})
	}
}
