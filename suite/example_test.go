package suite_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/suite"
)

func ExampleLoad() {
	s, err := suite.Load("testdata/small_test.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range s.Run() {
		fmt.Println(r)
	}
	// Output:
	// ok   testdata/small_test.yaml:5:5: gold P1 on 24x7 (deadline)
	// ok   testdata/small_test.yaml:8:5: silver P1 on office hours (deadline)
	// ok   testdata/small_test.yaml:12:5: a vip case on silver is on call (deadline)
	// ok   testdata/small_test.yaml:15:5: silver to gold (compare)
	// ok   testdata/small_test.yaml:21:5: gold fee (quote)
}

func ExampleParse() {
	s, err := suite.Parse("tiers_test.yaml", []byte(`
tests:
  - name: enhanced P1 on a Monday morning
    deadline: {tier: enhanced, priority: P1, opened: 2026-03-02T10:00:00Z}
    expect: {due: 2026-03-02T12:00:00Z, rule: tiers.enhanced.response.P1}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range s.RunEngine(rules.Default()) {
		fmt.Println(r)
	}

	_, err = suite.Parse("bad_test.yaml", []byte("tests:\n  - name: x\n    deadline: {tier: enhanced}\n    expect: {due: soon}\n"))
	fmt.Println(err)
	fmt.Println(errors.Is(err, suite.ErrInvalidSuite), errors.Is(err, rules.ErrInvalidCatalog))
	// Output:
	// FAIL tiers_test.yaml:3:5: enhanced P1 on a Monday morning (deadline)
	//     field  want                  got
	//     due    2026-03-02T12:00:00Z  2026-03-02T11:00:00Z
	// bad_test.yaml:3:5: tests[0].deadline: missing required key "priority"
	// bad_test.yaml:3:5: tests[0].deadline: missing required key "opened"
	// bad_test.yaml:4:19: tests[0].expect.due: invalid time "soon": want RFC 3339 (2026-03-02T10:00:00Z), a local time (2026-03-02T10:00) or a date (2026-03-02)
	// true false
}

// A CI report of a suite: the gold tests run, the others are skipped.
// The times, which vary from run to run, are zeroed to show the document.
func ExampleWriteJUnit() {
	s, err := suite.Load("testdata/small_test.yaml")
	if err != nil {
		fmt.Println(err)
		return
	}
	e, err := s.Engine()
	if err != nil {
		fmt.Println(err)
		return
	}
	r := suite.NewReport(s, e, func(t *suite.Test) bool { return t.Name == "gold P1 on 24x7" })
	r.Elapsed = 0
	for i := range r.Results {
		r.Results[i].Elapsed = 0
	}
	r.Skipped = r.Skipped[:1] // the first skipped test, to keep the example short
	if err := suite.WriteJUnit(os.Stdout, []suite.Report{r}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <testsuites name="tiercel" tests="2" failures="0" errors="0" skipped="1" time="0.000">
	//   <testsuite name="testdata/small_test.yaml" tests="2" failures="0" errors="0" skipped="1" time="0.000">
	//     <testcase name="gold P1 on 24x7" classname="testdata/small_test.yaml" file="testdata/small_test.yaml" line="5" time="0.000"></testcase>
	//     <testcase name="silver P1 on office hours" classname="testdata/small_test.yaml" file="testdata/small_test.yaml" line="8" time="0.000">
	//       <skipped message="not selected"></skipped>
	//     </testcase>
	//   </testsuite>
	// </testsuites>
}
