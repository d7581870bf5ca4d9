package suite

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tiercel/tiercel/rules"
)

func TestSmallSuite(t *testing.T) {
	Run(t, "testdata/small_test.yaml")
}

// fakeTB records what Run reports instead of failing the test.
type fakeTB struct {
	testing.TB
	errors []string
	fatal  bool
}

func (f *fakeTB) Helper()                           {}
func (f *fakeTB) Error(args ...any)                 { f.errors = append(f.errors, fmt.Sprint(args...)) }
func (f *fakeTB) Errorf(format string, args ...any) { f.Error(fmt.Sprintf(format, args...)) }
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.Error(fmt.Sprintf(format, args...))
	f.fatal = true
}

func TestRunReportsEachFailure(t *testing.T) {
	tb := &fakeTB{TB: t}
	Run(tb, "testdata/failing.yaml")
	require.Len(t, tb.errors, 4)
	assert.Contains(t, tb.errors[0], "failing.yaml:5:5: wrong due and rule")
	assert.Contains(t, tb.errors[0], "2026-03-02T12:00:00-05:00  2026-03-02T11:00:00-05:00")
	assert.False(t, tb.fatal)
}

func TestRunFailsOnABadSuiteOrCatalog(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(src), 0o600))
		return p
	}
	tests := []struct {
		name, path, want string
	}{
		{"missing file", filepath.Join(dir, "nope.yaml"), "no such file"},
		{"bad suite", write("bad.yaml", "tests: []\n"), "bad.yaml:1:8: tests: no tests"},
		{"bad catalog", write("s.yaml", "catalog: [c.yaml]\ntests:\n  - name: x\n    compare: {from: a, to: b}\n    expect: {changes: {P1: improved}}\n"),
			"c.yaml"},
	}
	write("c.yaml", "tiers:\n  a: {name: A, response: {P1: 1h moon}}\n")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb := &fakeTB{TB: t}
			Run(tb, tt.path)
			require.True(t, tb.fatal)
			require.Len(t, tb.errors, 1)
			assert.Contains(t, tb.errors[0], tt.want)
		})
	}
	t.Run("run reports the catalog error on every test", func(t *testing.T) {
		s, err := Load(filepath.Join(dir, "s.yaml"))
		require.NoError(t, err)
		rs := s.Run()
		require.Len(t, rs, 1)
		assert.False(t, rs[0].Passed)
		require.Error(t, rs[0].Err)
		assert.ErrorIs(t, rs[0].Err, rules.ErrInvalidCatalog)
		assert.Contains(t, rs[0].String(), "error: "+filepath.Join(dir, "c.yaml")+":2:31: tiers.a.response.P1: unknown calendar \"moon\"")
	})
}
