package server

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecisionLog(t *testing.T) {
	var buf bytes.Buffer
	_, ts := testServer(t, Config{Catalogs: []string{"testdata/tiers.yaml"}, DecisionLog: &buf, Redact: []string{"email"}})
	_, ok := post(t, ts.URL, "/v1/deadline", `{"tier":"silver","priority":"P1","opened":"2026-03-02T09:00:00Z","attrs":{"email":"ana@example.com","production":true}}`)
	_, bad := post(t, ts.URL, "/v1/deadline", `{"tier":"platinum","priority":"P1","opened":"2026-03-02T09:00:00Z"}`)
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	require.Len(t, lines, 2)
	var first, second map[string]any
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &first))
	require.NoError(t, json.Unmarshal([]byte(lines[1]), &second))

	assert.Equal(t, ok["decisionId"], first["decisionId"])
	assert.Equal(t, "deadline", first["route"])
	assert.Equal(t, ok["revision"], first["revision"])
	assert.NotNil(t, first["result"])
	assert.NotNil(t, first["duration"])
	attrs := first["input"].(map[string]any)["attrs"].(map[string]any)
	assert.Equal(t, "[redacted]", attrs["email"])
	assert.Equal(t, true, attrs["production"])
	assert.NotContains(t, buf.String(), "ana@example.com")

	assert.Equal(t, "undecidable", second["error"].(map[string]any)["code"])
	assert.Nil(t, second["result"])
	assert.NotNil(t, bad["error"])
}

func TestDecisionLogSample(t *testing.T) {
	var buf bytes.Buffer
	_, ts := testServer(t, Config{DecisionLog: &buf, DecisionLogSample: 0.000001})
	for range 20 {
		post(t, ts.URL, "/v1/deadline", deadlineBody)
	}
	assert.Less(t, strings.Count(buf.String(), "\n"), 3, "a tiny sample logs almost nothing")
	assert.Nil(t, newDecisionLog(nil, 1, nil), "no writer, no log")
	assert.Equal(t, map[string]any{"unparsed": 3}, (&decisionLog{}).input([]byte("{{{")))
}
