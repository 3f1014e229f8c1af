// Service Bus: `ticket-events` (helpdesk → AfterSales) and `notifications` (sweep → senders, one message per step).
// Both dead-letter expired messages, give up after maxDeliveryCount, and drop duplicates by MessageId.
param name string
param location string
param tags object

@description('Create a send-only SAS rule on ticket-events for helpdesks without Entra ID; false keeps SAS off entirely.')
param sasForHelpdesk bool

@description('Deliveries before a message is dead-lettered (a storage outage outlasting this many tries).')
param maxDeliveryCount int = 10

var queueProperties = {
  lockDuration: 'PT1M'
  maxDeliveryCount: maxDeliveryCount
  defaultMessageTimeToLive: 'P14D'
  deadLetteringOnMessageExpiration: true
  requiresDuplicateDetection: true
  duplicateDetectionHistoryTimeWindow: 'PT1H'
  enableBatchedOperations: true
}

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  // Duplicate detection needs Standard or above.
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {
    disableLocalAuth: !sasForHelpdesk
    minimumTlsVersion: '1.2'
  }

  resource ticketEvents 'queues' = {
    name: 'ticket-events'
    properties: queueProperties
  }

  resource notifications 'queues' = {
    name: 'notifications'
    properties: queueProperties
  }
}

resource helpdeskSend 'Microsoft.ServiceBus/namespaces/queues/authorizationRules@2024-01-01' = if (sasForHelpdesk) {
  parent: namespace::ticketEvents
  name: 'helpdesk-send'
  properties: { rights: ['Send'] }
}

output name string = namespace.name
output namespaceHost string = '${namespace.name}.servicebus.windows.net'
output ticketEventsQueue string = namespace::ticketEvents.name
output notificationsQueue string = namespace::notifications.name
