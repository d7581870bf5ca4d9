package suite

import "testing"

// Run runs the suite file at path from a Go test: each test of the suite
// becomes a subtest when t is a *testing.T, and each failure is reported
// with the test's file:line:col and its expected and actual values side by
// side. A suite that does not load or whose catalog does not compile fails
// t immediately.
//
//	func TestTiers(t *testing.T) { suite.Run(t, "testdata/tiers_test.yaml") }
func Run(t testing.TB, path string) {
	t.Helper()
	s, err := Load(path)
	if err != nil {
		t.Fatalf("%v", err)
		return
	}
	e, err := s.Engine()
	if err != nil {
		t.Fatalf("%s: catalog: %v", path, err)
		return
	}
	tt, isT := t.(*testing.T)
	for _, tc := range s.Tests {
		if !isT {
			report(t, tc.Run(e))
			continue
		}
		tt.Run(tc.Name, func(t *testing.T) {
			t.Helper()
			report(t, tc.Run(e))
		})
	}
}

// report fails t with r's mismatches side by side unless r passed.
func report(t testing.TB, r Result) {
	t.Helper()
	if !r.Passed {
		t.Error("\n" + r.String())
	}
}
