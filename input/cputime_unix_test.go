//go:build unix

package input

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user and system) the process has used: on a
// loaded machine a benchmark's wall time counts other processes' turns.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
