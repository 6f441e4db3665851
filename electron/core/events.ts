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

/**
 * The bus one build of the core hands to its services and areas: it forwards to the core's bus
 * and remembers every subscription, so a reload (restore, recovery) removes them all and no
 * listener of a closed catalogue is ever called again.
 */
export class ScopedEventBus extends EventBus {
  private readonly parent: EventBus
  private readonly offs = new Set<() => void>()

  constructor(parent: EventBus) {
    super()
    this.parent = parent
  }

  override emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    this.parent.emit(name, payload)
  }

  override subscribe(listener: Listener): () => void {
    const off = this.parent.subscribe(listener)
    const tracked = () => {
      off()
      this.offs.delete(tracked)
    }
    this.offs.add(tracked)
    return tracked
  }

  /** Removes every subscription made through this bus. */
  dispose(): void {
    for (const off of [...this.offs]) off()
  }
}
