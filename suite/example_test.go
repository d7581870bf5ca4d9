package suite

import "fmt"

func ExampleLoad() {
	s, err := Load("testdata/small_test.yaml")
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
