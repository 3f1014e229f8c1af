// AfterSales on Azure: one resource group with a Flex Consumption (FC1) function app on .NET 10 isolated, its storage
// (tables + deployment container, no shared keys), Service Bus (ticket-events, notifications), Key Vault (RBAC) for
// the provider secrets, Application Insights + Log Analytics, and one user-assigned managed identity holding every
// data-plane role. Deployed by `azd up` (azure.yaml at the repository root).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name: names the resource group and seeds the resource token.')
param environmentName string

@minLength(1)
@description('Azure region for every resource. FC1 must be available there.')
param location string

@description('Object id of the user running azd: gets Key Vault Secrets Officer so they can set the secrets. Empty: nobody.')
param principalId string = ''

@description('Settings layered over the shipped defaults (aftersales-settings.json), in Section__Key form, e.g. {"Escalation__Teams__Default__Supervisor": "lead@example.com"}.')
param aftersalesSettings object = {}

@description('NCRONTAB (UTC, with seconds) of the SLA sweep. The default, every 15 s, keeps escalations within 30 s of their deadline.')
param slaSweepSchedule string = '*/15 * * * * *'

@description('NCRONTAB (UTC, with seconds) of the outbox recovery: lost queue messages, cut-short attempts, the failure summary.')
param outboxRecoverySchedule string = '0 */5 * * * *'

@description('NCRONTAB (UTC, with seconds) of the revisit run; it acts from Revisits__SendAt in the customers\' time zone.')
param revisitsSchedule string = '0 */5 * * * *'

@description('Starts every AfterSales table name (letters and digits).')
param tablePrefix string = 'AfterSales'

@minValue(40)
@maxValue(1000)
@description('Most instances FC1 may scale out to.')
param maximumInstanceCount int = 100

@allowed([2048, 4096])
@description('Memory of each FC1 instance, in MB.')
param instanceMemoryMB int = 2048

@description('Let helpdesks send to ticket-events with a SAS key (a send-only rule is created). False: Entra ID only.')
param serviceBusSasForHelpdesk bool = false

@secure()
@description('SendGrid API key, stored in Key Vault. Empty: set the secret later (README).')
param sendGridApiKey string = ''

@secure()
@description('SMS provider auth token, stored in Key Vault. Empty: set the secret later.')
param smsAuthToken string = ''

@secure()
@description('Key that signs survey links, stored in Key Vault. Empty: set the secret later.')
param surveySigningKey string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: group
  params: {
    name: 'id-aftersales-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: group
  params: {
    logAnalyticsName: 'log-aftersales-${resourceToken}'
    appInsightsName: 'appi-aftersales-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  scope: group
  params: {
    name: 'stas${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package'
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  scope: group
  params: {
    name: 'sb-aftersales-${resourceToken}'
    location: location
    tags: tags
    sasForHelpdesk: serviceBusSasForHelpdesk
  }
}

module keyVault 'modules/keyvault.bicep' = {
  scope: group
  params: {
    name: 'kv-as-${resourceToken}'
    location: location
    tags: tags
    secrets: {
      SendGridApiKey: sendGridApiKey
      SmsAuthToken: smsAuthToken
      SurveySigningKey: surveySigningKey
    }
  }
}

module roles 'modules/roles.bicep' = {
  scope: group
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    serviceBusName: serviceBus.outputs.name
    keyVaultName: keyVault.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
    userPrincipalId: principalId
  }
}

module functionApp 'modules/functionapp.bicep' = {
  scope: group
  dependsOn: [roles]
  params: {
    planName: 'plan-aftersales-${resourceToken}'
    appName: 'func-aftersales-${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    deploymentContainerUrl: '${storage.outputs.blobEndpoint}app-package'
    storageAccountName: storage.outputs.name
    tableEndpoint: storage.outputs.tableEndpoint
    tablePrefix: tablePrefix
    serviceBusNamespaceHost: serviceBus.outputs.namespaceHost
    ticketEventsQueue: serviceBus.outputs.ticketEventsQueue
    notificationsQueue: serviceBus.outputs.notificationsQueue
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    slaSweepSchedule: slaSweepSchedule
    outboxRecoverySchedule: outboxRecoverySchedule
    revisitsSchedule: revisitsSchedule
    keyVaultReferences: {
      Email__SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/SendGridApiKey)'
      Sms__AuthToken: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/SmsAuthToken)'
      Texts__SurveySigningKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/SurveySigningKey)'
    }
    aftersalesSettings: union(loadJsonContent('aftersales-settings.json'), aftersalesSettings)
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = group.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = functionApp.outputs.url
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_SERVICE_BUS_NAMESPACE string = serviceBus.outputs.namespaceHost
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
