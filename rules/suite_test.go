package rules

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDefaultCatalogSuite runs the default catalog's own suite: deadlines
// per tier (weekends, DST changes, holidays, other zones), the transition
// page's example, quotes, eligibility and permissions.
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

func TestSuiteReportsFailuresSideBySide(t *testing.T) {
	s, err := LoadSuite("testdata/suites/failing.yaml")
	require.NoError(t, err)
	results := s.Run()
	require.Len(t, results, 5)
	var got []string
	for _, r := range results {
		got = append(got, r.String())
	}
	assert.Equal(t, []string{
		"FAIL testdata/suites/failing.yaml:5:5: wrong due and rule (deadline)\n" +
			"    field   want                       got\n" +
			"    due     2026-03-02T11:00:00-05:00  2026-03-02T11:00:00-05:00\n",
	}, got[:1])
}

// fakeTB records what RunSuite reports.
type fakeTB struct {
	testing.TB
	mu     sync.Mutex
	errors []string
	fatal  bool
}

func (f *fakeTB) Helper() {}
func (f *fakeTB) Error(args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.errors = append(f.errors, fmt.Sprint(args...))
}
func (f *fakeTB) Errorf(format string, args ...any) { f.Error(fmt.Sprintf(format, args...)) }
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.Error(fmt.Sprintf(format, args...))
	f.fatal = true
}

var _ = errors.New
var _ = strings.Contains
