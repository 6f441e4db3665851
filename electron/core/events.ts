// The core's event bus. Transports subscribe and forward events to connected UIs.
import type { EventName, EventPayload } from '../../shared/contract/events.ts'

type Listener = (name: EventName, payload: unknown) => void

export class EventBus {
  private listeners = new Set<Listener>()

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) {
      try {
        l(name, payload)
      } catch (err) {
        console.error(`event listener failed for ${name}:`, err)
      }
    }
  }

  /** Subscribes to every event; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Subscribes to one event name. */
  on<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): () => void {
    return this.subscribe((n, p) => {
      if (n === name) handler(p as EventPayload<E>)
    })
  }
}
