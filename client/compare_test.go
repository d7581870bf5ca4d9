package client

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func TestReplayOf(t *testing.T) {
	later := answer.NewDelays(rules.Delays{Cases: 2, Later: 1, Same: 1, MaxLater: 3600e9, MaxEarlier: 1800e9, P90: 3600e9})
	got, err := replayOf(answer.Replay{From: "standard", To: "enhanced", Delays: later,
		MaxLaterCase: &answer.ReplayCase{Index: 1}, ByPriority: []answer.PriorityDelays{{Priority: "P2", Delays: later}}})
	require.NoError(t, err)
	want := rules.Delays{Cases: 2, Later: 1, Same: 1, MaxLater: 3600e9, MaxEarlier: 1800e9, P90: 3600e9}
	assert.Equal(t, rules.ReplayReport{From: "standard", To: "enhanced", Delays: want, MaxLaterCase: 1, MaxEarlierCase: -1,
		ByPriority: map[slo.Priority]rules.Delays{slo.P2: want}}, got, "null cases are -1; MaxEarlier reads back positive")

	_, err = replayOf(answer.Replay{ByPriority: []answer.PriorityDelays{{Priority: "P2"}, {Priority: "P2"}}})
	assert.ErrorIs(t, err, errAnswer, "a priority twice")
}
