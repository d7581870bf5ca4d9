package suite

import "github.com/tiercel/tiercel/rules"

// RunCovered runs every test like Run and returns, beside the results,
// what the tests exercised of the suite's catalog (see rules.Coverage):
// nil when the catalog does not load.
func (s *Suite) RunCovered() ([]Result, *rules.Coverage) {
	e, err := s.Engine()
	if err != nil {
		return s.Run(), nil
	}
	return s.RunEngineCovered(e)
}

// RunEngineCovered runs every test against e like RunEngine and returns
// what they exercised of e's catalog. To add up several suites run on one
// engine, run them on the Engine of one rules.Coverage with RunEngine.
func (s *Suite) RunEngineCovered(e *rules.Engine) ([]Result, *rules.Coverage) {
	cov := rules.NewCoverage(e)
	return s.RunEngine(cov.Engine()), cov
}
