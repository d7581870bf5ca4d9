package suite

import (
	"os"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tiercel/tiercel/rules"
)

func TestRunEngineConcurrently(t *testing.T) {
	s, err := Load("../rules/catalog/default_test.yaml")
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

func TestTestRunWithoutEngine(t *testing.T) {
	s, err := Load("testdata/small_test.yaml")
	require.NoError(t, err)
	r := s.Tests[0].Run(nil)
	assert.False(t, r.Passed)
	assert.EqualError(t, r.Err, "no engine")
}

func FuzzParse(f *testing.F) {
	for _, p := range []string{"../rules/catalog/default_test.yaml", "testdata/small_test.yaml", "testdata/failing.yaml"} {
		src, err := os.ReadFile(p)
		require.NoError(f, err)
		f.Add(src)
	}
	f.Add([]byte("tests:\n  - name: a\n    deadline: {tier: a, priority: P1, opened: 2026-03-02T10:00:00Z, pauses: [{start: x}]}\n    expect: {due: 1}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		s, err := Parse("f.yaml", src)
		if err != nil {
			assert.Nil(t, s)
			assert.ErrorIs(t, err, ErrInvalidSuite)
			assert.NotErrorIs(t, err, rules.ErrInvalidCatalog)
			var list ErrorList
			assert.ErrorAs(t, err, &list)
			return
		}
		for _, tc := range s.Tests {
			assert.NotEmpty(t, tc.Name)
			assert.NotNil(t, tc.run)
		}
		// Whatever a test asks, it ends with a result, never a panic.
		assert.Len(t, s.RunEngine(rules.Default()), len(s.Tests))
	})
}

func BenchmarkRunEngine(b *testing.B) {
	s, err := Load("../rules/catalog/default_test.yaml")
	require.NoError(b, err)
	e, err := s.Engine()
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		s.RunEngine(e)
	}
}

// Suites read tier names and priorities as the engine and the command do,
// and dates as midnight (in UTC here).
func TestNamesIgnoreCase(t *testing.T) {
	s, err := Parse("case_test.yaml", []byte(`now: 2026-03-02
tests:
  - name: a deadline
    deadline: {tier: Enhanced, priority: p1, opened: 2026-03-02}
    expect: {due: 2026-03-02T01:00:00Z}
  - name: a quote
    quote: {tier: ENHANCED, spend: 85000 USD}
    expect: {total: 6150.00 USD}
`))
	require.NoError(t, err)
	results := s.RunEngine(rules.Default())
	require.Len(t, results, 2)
	for _, r := range results {
		assert.True(t, r.Passed, "%s", r)
	}
}

// runOne parses a suite of one test (the lines after "- name: t") and runs
// it against the default catalog.
func runOne(t *testing.T, test string) Result {
	t.Helper()
	s, err := Parse("one_test.yaml", []byte("tests:\n  - name: t\n    "+test+"\n"))
	require.NoError(t, err)
	require.Len(t, s.Tests, 1)
	rs := s.RunEngine(rules.Default())
	require.Len(t, rs, 1)
	require.NoError(t, rs[0].Err)
	return rs[0]
}

// TestYearOneSuite runs instants at both ends of the years RFC 3339 writes
// through every question that reads them.
func TestYearOneSuite(t *testing.T) { Run(t, "testdata/year1_test.yaml") }

// TestTestNowOverridesTheSuites checks that a test's now: is the instant of
// its decision rather than the suite's (testdata/now.yaml's rule reads
// now), and that the question's own now wins over both.
func TestTestNowOverridesTheSuites(t *testing.T) {
	s, err := Load("testdata/now_test.yaml")
	require.NoError(t, err)
	for _, r := range s.Run() {
		assert.True(t, r.Passed, "%s", r)
	}
	Run(t, "testdata/now_test.yaml")
}
