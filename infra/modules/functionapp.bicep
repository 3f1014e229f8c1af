// The Flex Consumption (FC1) plan and the function app on .NET 10 isolated. Every connection uses the user-assigned
// identity: AzureWebJobsStorage, ServiceBusConnection, the tables, Key Vault references and Application Insights.
param planName string
param appName string
param location string
param tags object
param identityId string
param identityClientId string
param maximumInstanceCount int
param instanceMemoryMB int
param deploymentContainerUrl string
param storageAccountName string
param tableEndpoint string
param tablePrefix string
param serviceBusNamespaceHost string
param ticketEventsQueue string
param notificationsQueue string
param appInsightsConnectionString string
param slaSweepSchedule string
param outboxRecoverySchedule string
param revisitsSchedule string

@description('App setting name → Key Vault reference.')
param keyVaultReferences object

@description('AfterSales settings (Section__Key → value): the shipped defaults with the deployment\'s overrides.')
param aftersalesSettings object

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

var hostSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  ServiceBusConnection__fullyQualifiedNamespace: serviceBusNamespaceHost
  ServiceBusConnection__credential: 'managedidentity'
  ServiceBusConnection__clientId: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // DefaultAzureCredential picks the user-assigned identity by this client id.
  AZURE_CLIENT_ID: identityClientId
  TicketEventsQueue: ticketEventsQueue
  NotificationsQueue: notificationsQueue
  SlaSweepSchedule: slaSweepSchedule
  OutboxRecoverySchedule: outboxRecoverySchedule
  RevisitsSchedule: revisitsSchedule
  // The full public URL Twilio calls: X-Twilio-Signature is computed over it.
  SmsInboundUrl: 'https://${appName}.azurewebsites.net/api/sms/inbound'
  Storage__TableServiceUri: tableEndpoint
  Storage__TablePrefix: tablePrefix
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: union(aftersalesSettings, hostSettings, keyVaultReferences)
  }
}

output name string = app.name
output url string = 'https://${app.properties.defaultHostName}'
