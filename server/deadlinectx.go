package server

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// deadlineContext is a request's context with its deadline, made without
// a timer: Err compares the monotonic clock with the deadline, and the Done
// channel, with the timer that closes it, is made only when first asked
// (by Done or Value: the rule chains that evaluate CEL ask, a decision by
// the table alone never does). Err reports the deadline as soon as the
// clock passes it, which may be a little before a Done made earlier closes
// (its timer fires late on a busy machine). Its methods may be called from
// several goroutines. The zero value is not usable: see withDeadline and
// init.
type deadlineContext struct {
	parent   context.Context
	deadline time.Time // with the monotonic clock reading of time.Now

	inner    atomic.Pointer[timedContext] // the timed context, once made
	released atomic.Bool
	final    error      // Err when released, set before released
	mu       sync.Mutex // serializes making inner and release
}

// timedContext is context.WithDeadline's context and its cancel.
type timedContext struct {
	context.Context
	cancel context.CancelFunc
}

// withDeadline returns parent with the deadline now+timeout; its release
// method, which its maker calls when done with it, stops its timer (when
// Done was asked). After release its Err is context.Canceled unless it had
// another error first.
func withDeadline(parent context.Context, timeout time.Duration) *deadlineContext {
	return new(deadlineContext).init(parent, time.Now().Add(timeout))
}

// init sets c, a zero deadlineContext (one held in a larger allocation),
// to parent with the deadline, a time.Now reading, and returns c.
func (c *deadlineContext) init(parent context.Context, deadline time.Time) *deadlineContext {
	c.parent, c.deadline = parent, deadline
	return c
}

// Deadline returns the request's deadline.
func (c *deadlineContext) Deadline() (time.Time, bool) { return c.deadline, true }

// Err returns context.DeadlineExceeded once the clock reaches the deadline,
// the parent's error once it is done, context.Canceled once released, and
// nil before.
func (c *deadlineContext) Err() error {
	if in := c.inner.Load(); in != nil {
		if err := in.Err(); err != nil {
			return err
		}
	} else if c.released.Load() {
		return c.final
	} else if err := c.parent.Err(); err != nil {
		return err
	}
	if !time.Now().Before(c.deadline) {
		return context.DeadlineExceeded
	}
	return nil
}

// Done returns a channel closed at the deadline, when the parent is done
// or when released: context.WithDeadline's, made on the first call.
func (c *deadlineContext) Done() <-chan struct{} { return c.timed().Done() }

// Value returns the value of key: the timed context's, which answers for
// itself the keys package context asks its parents (context.Cause's).
func (c *deadlineContext) Value(key any) any { return c.timed().Value(key) }

// timed returns the timed context, made on the first call: cancelled at
// once when c was released before.
func (c *deadlineContext) timed() *timedContext {
	if in := c.inner.Load(); in != nil {
		return in
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if in := c.inner.Load(); in != nil {
		return in
	}
	ctx, cancel := context.WithDeadline(c.parent, c.deadline)
	in := &timedContext{ctx, cancel}
	if c.released.Load() {
		cancel()
	}
	c.inner.Store(in)
	return in
}

// release stops the timer of the timed context, when made, and marks c
// done: its error from then on is the one it had (the deadline passed, the
// parent done), else context.Canceled.
func (c *deadlineContext) release() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.released.Load() {
		return
	}
	if c.final = c.Err(); c.final == nil {
		c.final = context.Canceled
	}
	c.released.Store(true)
	if in := c.inner.Load(); in != nil {
		in.cancel()
	}
}
