package suite

import (
	"testing"
	"time"

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

func TestChecksEffect(t *testing.T) {
	kind := func(k slo.ChangeKind) *slo.ChangeKind { return &k }
	dur := func(d time.Duration) *time.Duration { return &d }
	got := &slo.Effect{Kind: slo.Mixed, Min: -time.Hour, Max: 64 * time.Hour}
	tests := []struct {
		name string
		w    effectWant
		got  *slo.Effect
		want []Mismatch
	}{
		{"all match", effectWant{kind: kind(slo.Mixed), min: dur(-time.Hour), max: dur(64 * time.Hour)}, got, nil},
		{"nothing asked", effectWant{}, got, nil},
		{"every field differs", effectWant{kind: kind(slo.Degraded), min: dur(0), max: dur(63 * time.Hour)}, got, []Mismatch{
			{Field: "c.P3.effect.kind", Want: "degraded", Got: "mixed"},
			{Field: "c.P3.effect.min", Want: "0", Got: "-1h"},
			{Field: "c.P3.effect.max", Want: "+63h", Got: "+64h"},
		}},
		{"no effect without a scope", effectWant{kind: kind(slo.Mixed)}, nil, []Mismatch{
			{Field: "c.P3.effect", Want: "an effect", Got: "none: give the question a scope"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, []Mismatch(checks(nil).effect("c.P3.effect", tt.w, tt.got)))
		})
	}
}

// TestCompareQuestionScope asks the default catalog through a parsed
// suite: the scope's dates are midnight in its zone.
func TestCompareQuestionScope(t *testing.T) {
	const ask = "compare: {from: looker-premier, to: enhanced, scope: {zone: Asia/Tokyo, from: 2026-03-02, to: 2026-03-16}}\n    expect: "
	checkQuestions(t, []questionTest{
		{"matches", ask + "{changes: {P3: {effect: {kind: mixed, min: -1h, max: +64h}}}}", nil},
		{"differs", ask + "{changes: [{priority: P1, effect: {min: -47h, max: 0}}, {priority: P2}, {priority: P3}, {priority: P4, effect: {kind: degraded}}]}", []Mismatch{
			{Field: "changes.P1.effect.min", Want: "-47h", Got: "-48h"},
			{Field: "changes.P4.effect.kind", Want: "degraded", Got: "mixed"},
		}},
		{"no scope, no effect", "compare: {from: looker-premier, to: enhanced}\n    expect: {changes: {P1: {effect: {kind: improved}}}}", []Mismatch{
			{Field: "changes.P1.effect", Want: "an effect", Got: "none: give the question a scope"},
		}},
	})
}

func TestParseSigned(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		err  string
	}{
		{"0", 0, ""},
		{"64h", 64 * time.Hour, ""},
		{"+12h30m", 12*time.Hour + 30*time.Minute, ""},
		{"-48h", -48 * time.Hour, ""},
		{"--1h", 0, `invalid duration "--1h": want 0 or a signed duration such as -48h or +12h30m`},
		{"-0s", 0, `invalid duration "-0s": want 0 or a signed duration such as -48h or +12h30m`},
		{"soon", 0, `invalid duration "soon": want 0 or a signed duration such as -48h or +12h30m`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := parseSigned(tt.in)
			if tt.err != "" {
				require.EqualError(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, d)
			if tt.in[0] != '+' && tt.want > 0 {
				assert.Equal(t, "+"+tt.in, slo.FormatSigned(d), "written back with its sign")
			}
		})
	}
}
