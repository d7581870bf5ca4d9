package server

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// TestDeadlineJSONFields pins the fields appendDeadlineDecision writes: a
// field added to one of these types fails here until the encoder (and the
// cases below) write it too.
func TestDeadlineJSONFields(t *testing.T) {
	tags := func(v any) []string {
		var out []string
		for f := range reflect.TypeOf(v).Fields() {
			out = append(out, f.Tag.Get("json"))
		}
		return out
	}
	assert.Equal(t, []string{"decisionId", "revision", "result"}, tags(answer.Decision{}))
	assert.Equal(t, []string{"tier", "priority", "opened", "zone,omitempty", "due", "target", "rule", "status,omitempty"}, tags(answer.Deadline{}))
	assert.Equal(t, []string{"within", "calendar", "text"}, tags(answer.Target{}))
	assert.Equal(t, []string{"seconds", "nanos,omitempty", "text"}, tags(answer.Duration{}))
	assert.Equal(t, []string{"now", "elapsed", "remaining", "breached", "warnings"}, tags(answer.Status{}))
}

// deadlineAnswers are deadlines and statuses of every tier and priority of
// the default catalog in three zones, at three instants, as the service
// answers them.
func deadlineAnswers(t *testing.T) []answer.Deadline {
	e := rules.Default()
	opened := time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC)
	var out []answer.Deadline
	for _, tier := range e.Tiers() {
		for _, p := range []slo.Priority{slo.P1, slo.P2, slo.P3, slo.P4} {
			for _, zone := range []string{"", "Europe/Berlin", "Asia/Kolkata"} {
				c := rules.Case{Tier: tier, Priority: p, Opened: opened, Zone: zone}
				d, err := e.Deadline(c)
				if err != nil {
					continue // a tier without this priority
				}
				out = append(out, deadlineResult(e, c, d, nil))
				for _, after := range []time.Duration{90 * time.Second, 400 * time.Hour} {
					now := opened.Add(after)
					c.Now = &now
					pr, err := e.Status(c, now)
					require.NoError(t, err)
					out = append(out, deadlineResult(e, c, pr.Deadline, &pr.Status))
				}
			}
		}
	}
	require.Greater(t, len(out), 30)
	return out
}

func TestAppendDeadlineDecision(t *testing.T) {
	odd := answer.Deadline{
		Tier: "a<b>&\"\\\u2028\xff\x01\t", Priority: "P1", Opened: answer.At(time.Date(1, 1, 1, 0, 0, 0, 1, time.FixedZone("", -3600))),
		Zone: "Ünïcode/Zone", Due: answer.At(time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)), Rule: "</script>",
		Status: &answer.Status{Elapsed: answer.Duration{Seconds: -3, Nanos: -5, Text: "-3s"}},
	}
	withTarget := odd
	withTarget.Target = &answer.Target{Within: answer.Duration{Seconds: 1, Nanos: 2}, Calendar: "24x7", Text: "<1s>"}
	withTarget.Status = &answer.Status{Warnings: []answer.Instant{}}
	cases := map[string]answer.Deadline{"strings json.Marshal escapes, no target, nil warnings": odd, "a target, no warnings": withTarget}
	for i, d := range deadlineAnswers(t) {
		cases[d.Tier+"/"+d.Priority+"/"+d.Zone+"/"+string(rune('a'+i%3))] = d
	}
	for name, d := range cases {
		t.Run(name, func(t *testing.T) {
			want, err := json.Marshal(answer.Decision{DecisionID: "0123456789abcdef", Revision: "sha256:ab<c>", Result: d})
			require.NoError(t, err)
			got, err := appendDeadlineDecision([]byte("kept"), "0123456789abcdef", "sha256:ab<c>", &d)
			require.NoError(t, err)
			assert.Equal(t, "kept"+string(want), string(got))
		})
	}
}

func TestEncodeAnswer(t *testing.T) {
	late := answer.Deadline{Due: answer.At(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC))}
	tests := []struct {
		name   string
		result any
	}{
		{"a deadline", deadlineAnswers(t)[0]},
		{"another answer", answer.Decision{DecisionID: "x"}},
		{"an instant past year 9999", late},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, wantErr := json.Marshal(answer.Decision{DecisionID: "id", Revision: "r", Result: tt.result})
			out := bytes.NewBufferString("kept:")
			err := encodeAnswer(out, "id", "r", tt.result)
			if wantErr != nil {
				require.EqualError(t, err, wantErr.Error(), "json.Marshal's words")
				require.ErrorIs(t, err, answer.ErrUnprintable)
				assert.Equal(t, "kept:", out.String())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, "kept:"+string(want), out.String())
		})
	}
}
