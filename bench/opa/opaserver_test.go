package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testTable is a table of every tier x priority the bench decides, with a
// distinct target for each pair.
func testTable() targets {
	table := targets{}
	for i, t := range tiers {
		table[t] = map[string]string{}
		for j, p := range priorities {
			table[t][p] = fmt.Sprintf("%dh %s", i*len(priorities)+j+1, t)
		}
	}
	return table
}

// TestOPAServer starts OPA's own server and checks that it answers every
// tier x priority with the body the rego stand-in answers, the target of
// the table; a pair the table lacks, and a malformed body, as OPA does.
func TestOPAServer(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	table := testTable()
	logs, logText := logFile(t)
	s, err := startOPAServer(ctx, table, "info", logs)
	require.NoError(t, err)
	defer func() { cancel(); assert.NoError(t, s.wait()) }()
	require.True(t, strings.HasPrefix(s.url, "http://127.0.0.1:"), "loopback: %s", s.url)
	standIn, err := opaHandler(ctx, table)
	require.NoError(t, err)
	for _, tier := range tiers {
		for _, p := range priorities {
			t.Run(tier+" "+p, func(t *testing.T) {
				body := fmt.Sprintf(`{"input":{"tier":%q,"priority":%q}}`, tier, p)
				status, got := postOPA(t, s.url, body)
				require.Equal(t, http.StatusOK, status, got)
				assert.JSONEq(t, fmt.Sprintf(`{"result":%q}`, table[tier][p]), got)
				rec := httptest.NewRecorder()
				standIn.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/data/tiercel/target", strings.NewReader(body)))
				assert.JSONEq(t, rec.Body.String(), got, "the stand-in's answer")
			})
		}
	}
	tests := []struct {
		name, body string
		status     int
		want       string
	}{
		{"a pair the table lacks", `{"input":{"tier":"tin","priority":"P1"}}`, 200, `{}`},
		{"malformed JSON", `{"input":`, 400, `"code": "invalid_parameter"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, got := postOPA(t, s.url, tt.body)
			assert.Equal(t, tt.status, status)
			assert.Contains(t, got, tt.want)
		})
	}
	assert.Contains(t, logText(), `"msg":"Received request."`, "the access log of OPA's default log level, as JSON")
	assert.Contains(t, logText(), `"req_path":"/v1/data/tiercel/target"`)
}

// TestOPAServerLogLevel checks that "error", OPA's quietest level, turns the
// access log off.
func TestOPAServerLogLevel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	logs, logText := logFile(t)
	s, err := startOPAServer(ctx, testTable(), "error", logs)
	require.NoError(t, err)
	defer func() { cancel(); assert.NoError(t, s.wait()) }()
	status, got := postOPA(t, s.url, `{"input":{"tier":"premium","priority":"P1"}}`)
	require.Equal(t, http.StatusOK, status, got)
	assert.NotContains(t, logText(), "Received request.")
}

// logFile is a file for OPA's log, which the server's goroutines write to
// at once, and its text read back.
func logFile(t *testing.T) (*os.File, func() string) {
	t.Helper()
	f, err := os.Create(filepath.Join(t.TempDir(), "opa.log"))
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return f, func() string {
		b, err := os.ReadFile(f.Name())
		require.NoError(t, err)
		return string(b)
	}
}

// postOPA posts body to OPA's data API for the policy's target.
func postOPA(t *testing.T, base, body string) (int, string) {
	t.Helper()
	resp, err := http.Post(base+"/v1/data/tiercel/target", "application/json", strings.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, strings.TrimSpace(string(b))
}

func TestStartOPAServerErrors(t *testing.T) {
	_, err := startOPAServer(context.Background(), testTable(), "loud", nil)
	require.ErrorContains(t, err, `OPA log level "loud"`)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = startOPAServer(ctx, testTable(), "error", nil)
	assert.Error(t, err, "a context done before OPA listens")
}
