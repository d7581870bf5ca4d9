package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDefaultCatalogSuite runs the default catalog's own suite: deadlines
// per tier (weekends, DST changes, holidays, other zones), the transition
// page's example, quotes, eligibility, entitlements and permissions.
func TestDefaultCatalogSuite(t *testing.T) {
	RunSuite(t, "catalog/default_test.yaml")
}

func TestSmallSuite(t *testing.T) {
	RunSuite(t, "testdata/suites/small_test.yaml")
}

func TestSuiteRunsConcurrently(t *testing.T) {
	s, err := LoadSuite("catalog/default_test.yaml")
	require.NoError(t, err)
	e, err := s.Engine()
	require.NoError(t, err)
	want := s.RunEngine(e)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			got := s.RunEngine(e)
			for i := range got {
				assert.Equal(t, want[i].Passed, got[i].Passed, got[i].Test.Name)
			}
		})
	}
	wg.Wait()
}

// fakeTB records what RunSuite reports instead of failing the test.
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

func TestRunSuiteReportsEachFailure(t *testing.T) {
	tb := &fakeTB{TB: t}
	RunSuite(tb, "testdata/suites/failing.yaml")
	require.Len(t, tb.errors, 4)
	assert.Contains(t, tb.errors[0], "failing.yaml:5:5: wrong due and rule")
	assert.Contains(t, tb.errors[0], "2026-03-02T12:00:00-05:00  2026-03-02T11:00:00-05:00")
	assert.False(t, tb.fatal)
}

func TestRunSuiteFailsOnABadSuiteOrCatalog(t *testing.T) {
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
			RunSuite(tb, tt.path)
			require.True(t, tb.fatal)
			require.Len(t, tb.errors, 1)
			assert.Contains(t, tb.errors[0], tt.want)
		})
	}
	t.Run("run reports the catalog error on every test", func(t *testing.T) {
		s, err := LoadSuite(filepath.Join(dir, "s.yaml"))
		require.NoError(t, err)
		rs := s.Run()
		require.Len(t, rs, 1)
		assert.False(t, rs[0].Passed)
		require.Error(t, rs[0].Err)
		assert.ErrorIs(t, rs[0].Err, ErrInvalidCatalog)
		assert.Contains(t, rs[0].String(), "error: "+filepath.Join(dir, "c.yaml")+":2:31: tiers.a.response.P1: unknown calendar \"moon\"")
	})
}

func TestSuiteTestRunWithoutEngine(t *testing.T) {
	s, err := LoadSuite("testdata/suites/small_test.yaml")
	require.NoError(t, err)
	r := s.Tests[0].Run(nil)
	assert.False(t, r.Passed)
	assert.EqualError(t, r.Err, "no engine")
}

func FuzzParseSuite(f *testing.F) {
	for _, p := range []string{"catalog/default_test.yaml", "testdata/suites/small_test.yaml", "testdata/suites/failing.yaml"} {
		src, err := os.ReadFile(p)
		require.NoError(f, err)
		f.Add(src)
	}
	f.Add([]byte("tests:\n  - name: a\n    deadline: {tier: a, priority: P1, opened: 2026-03-02T10:00:00Z, pauses: [{start: x}]}\n    expect: {due: 1}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		s, err := ParseSuite("f.yaml", src)
		if err != nil {
			assert.Nil(t, s)
			assert.ErrorIs(t, err, ErrInvalidSuite)
			return
		}
		for _, tc := range s.Tests {
			assert.NotEmpty(t, tc.Name)
			assert.NotNil(t, tc.run)
		}
	})
}

func BenchmarkSuiteRun(b *testing.B) {
	s, err := LoadSuite("catalog/default_test.yaml")
	require.NoError(b, err)
	e, err := s.Engine()
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		s.RunEngine(e)
	}
}

func ExampleLoadSuite() {
	s, err := LoadSuite("testdata/suites/small_test.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range s.Run() {
		fmt.Println(r)
	}
	// Output:
	// ok   testdata/suites/small_test.yaml:5:5: gold P1 on 24x7 (deadline)
	// ok   testdata/suites/small_test.yaml:8:5: silver P1 on office hours (deadline)
	// ok   testdata/suites/small_test.yaml:12:5: a vip case on silver is on call (deadline)
	// ok   testdata/suites/small_test.yaml:15:5: silver to gold (compare)
	// ok   testdata/suites/small_test.yaml:21:5: gold fee (quote)
}
