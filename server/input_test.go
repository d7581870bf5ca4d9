package server

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseCase(t *testing.T) {
	h, err := parseCase(bodyName, []byte(`{"tier":"gold","priority":"P1","opened":"2026-03-02T09:00:00Z"}`), false)
	require.NoError(t, err)
	assert.Nil(t, h.Case.Now, "a case without now is decided at its opening (the engine's nil Now)")
	assert.True(t, h.Now.Equal(h.Case.Opened), "a case without now is decided at its opening")
	_, err = parseCase(bodyName, []byte(`{"tier":"gold","priority":"P1","opened":"2026-03-02T09:00:00Z","events":[]}`), false)
	assert.ErrorContains(t, err, "events", "a deadline's case has no events")
	_, err = parseCase(bodyName, []byte(`{"tier":"gold","priority":"P1","opened":"2026-03-02T09:00:00Z"}`), true)
	assert.ErrorContains(t, err, "missing now")
	h, err = parseCase(bodyName, []byte(`{"tier":"gold","priority":"P1","opened":"2026-03-02T09:00:00Z","now":"2026-03-03T09:00:00Z"}`), false)
	require.NoError(t, err)
	assert.Equal(t, 3, h.Now.Day(), "a given now is kept")
	_, err = parseCase(bodyName, []byte(`tier: gold`), false)
	assert.Equal(t, 400, classify(err).status)
}
