// React hook for core events (job progress, online status, data changes).
import { useEffect, useRef } from 'react'
import type { EventName, EventPayload } from '../../../shared/contract/events.ts'
import { transport } from './client.ts'

export function useEvent<E extends EventName>(name: E, handler: (payload: EventPayload<E>) => void): void {
  const ref = useRef(handler)
  ref.current = handler
  useEffect(
    () =>
      transport.subscribe((n, payload) => {
        if (n === name) ref.current(payload as EventPayload<E>)
      }),
    [name]
  )
}
